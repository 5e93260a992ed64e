package io.gordon.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DnsNames#isInZone}, which compares in place, against {@link OldDnsNames#isInZone}, which
 * built {@code "." + zone}: every suffix of a generated name (at a label boundary or not), the name
 * itself, the root and an unrelated name.
 */
class DnsNamesInZoneTest {
  @Test
  void everySuffixOfANameGetsTheOldAnswer() {
    qt().withExamples(5_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              String name = NameGrammar.name(random);
              String other = NameGrammar.name(random);
              if (name == null || other == null) {
                return; // the grammar also yields null, for normalize's error; isInZone takes names
              }
              for (int cut = 0; cut <= name.length(); cut++) {
                agree(name, name.substring(cut));
              }
              agree(name, ".");
              agree(name, other);
              agree(other, name);
            });
  }

  @Test
  void aZoneMatchesOnlyAtALabelBoundary() {
    assertThat(DnsNames.isInZone("www.example.com.", "example.com.")).isTrue();
    assertThat(DnsNames.isInZone("example.com.", "example.com.")).isTrue();
    assertThat(DnsNames.isInZone("anything.", ".")).isTrue();
    assertThat(DnsNames.isInZone("wwwexample.com.", "example.com.")).isFalse();
    assertThat(DnsNames.isInZone("com.", "example.com.")).isFalse();
    assertThat(DnsNames.isInZone(".example.com.", "example.com.")).isTrue();
  }

  private static void agree(String name, String zone) {
    assertThat(DnsNames.isInZone(name, zone))
        .as("isInZone(\"%s\", \"%s\")", name, zone)
        .isEqualTo(OldDnsNames.isInZone(name, zone));
  }
}
