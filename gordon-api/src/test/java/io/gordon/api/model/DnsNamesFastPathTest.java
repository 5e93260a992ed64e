package io.gordon.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link DnsNames#normalize} (fast path plus index-loop slow path) against {@link OldDnsNames}, the
 * implementation before the fast path, over names drawn from {@link NameGrammar}.
 */
class DnsNamesFastPathTest {
  @Test
  void everyNameGetsTheOldResultOrTheOldErrorWordForWord() {
    qt().withExamples(20_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              String name = NameGrammar.name(new Random(seed));
              assertThat(outcome(() -> DnsNames.normalize(name)))
                  .as("normalize(%s)", quoted(name))
                  .isEqualTo(outcome(() -> OldDnsNames.normalize(name)));
            });
  }

  @Test
  void everyNormalisedNameComesBackAsTheSameInstance() {
    qt().withExamples(20_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              String normal;
              try {
                normal = OldDnsNames.normalize(NameGrammar.name(new Random(seed)));
              } catch (IllegalArgumentException e) {
                return;
              }
              assertThat(DnsNames.normalize(normal)).as(quoted(normal)).isSameAs(normal);
            });
  }

  @Test
  void theGrammarReachesEveryRuleAndValidNamesAlike() {
    Set<String> kinds = new TreeSet<>();
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      kinds.add(kind(outcome(() -> OldDnsNames.normalize(NameGrammar.name(random)))));
    }
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "valid",
            "must not be empty",
            "characters long",
            "has an empty label",
            "has a label of",
            "wildcard that is not the leftmost",
            "has the character",
            "starts or ends with '-'");
  }

  @Test
  void namesThatAreNormalAlreadyAreNotCopied() {
    for (String name :
        new String[] {
          ".", "example.com.", "*.example.com.", "_gordon-a-*.example.com.", "_x.a-b."
        }) {
      assertThat(DnsNames.normalize(name)).isSameAs(name);
    }
    assertThat(DnsNames.normalize("Example.com.")).isEqualTo("example.com.");
    assertThat(DnsNames.normalize(" example.com")).isEqualTo("example.com.");
  }

  private static String kind(String outcome) {
    if (!outcome.startsWith("IllegalArgumentException: ")) {
      return "valid";
    }
    for (String k :
        new String[] {
          "must not be empty",
          "characters long",
          "has an empty label",
          "has a label of",
          "wildcard that is not the leftmost",
          "has the character",
          "starts or ends with '-'"
        }) {
      if (outcome.contains(k)) {
        return k;
      }
    }
    return outcome;
  }

  /** The result, or the exception's class and message: what the two implementations must share. */
  private static String outcome(java.util.function.Supplier<String> call) {
    try {
      return "= " + call.get();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
