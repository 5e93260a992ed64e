package io.gordon.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.GordonException;
import io.gordon.api.PermanentException;
import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.ChangeResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Assertions the publisher contract kit uses, public so that provider-specific tests can reuse
 * them. RRsets compare as sets of rdata: providers may return rdata in any order.
 */
public final class ContractAssertions {
  private ContractAssertions() {}

  /** Asserts that {@code live} holds exactly {@code expected}: name, type, TTL and rdata set. */
  public static void assertSameRrset(Optional<RecordSet> live, RecordSet expected) {
    assertThat(live).as("live RRset %s", expected.key()).isPresent();
    RecordSet actual = live.orElseThrow();
    assertThat(actual.name()).isEqualTo(expected.name());
    assertThat(actual.type()).isEqualTo(expected.type());
    if (expected.ttl().isPresent()) {
      assertThat(actual.ttl()).as("TTL of %s", expected.key()).isEqualTo(expected.ttl());
    }
    assertThat(Set.copyOf(actual.rdata()))
        .as("rdata of %s", expected.key())
        .isEqualTo(Set.copyOf(expected.rdata()));
  }

  /** Asserts one result per change, in order, each for the change at the same position. */
  public static void assertOneResultPerChange(List<Change> changes, List<ChangeResult> results) {
    assertThat(results).as("results of apply()").hasSize(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      assertThat(results.get(i).change())
          .as("result %d is for change %d", i, i)
          .isEqualTo(changes.get(i));
    }
  }

  /** Asserts {@link ChangeResult.Applied}, showing the error otherwise. */
  public static void assertApplied(ChangeResult result) {
    assertThat(result)
        .as("result for %s: %s", result.change(), describe(result))
        .isInstanceOf(ChangeResult.Applied.class);
  }

  /** Asserts {@link ChangeResult.Unchanged}. */
  public static void assertUnchanged(ChangeResult result) {
    assertThat(result)
        .as("result for %s: %s", result.change(), describe(result))
        .isInstanceOf(ChangeResult.Unchanged.class);
  }

  /** Asserts Applied or Unchanged: both are fine for a replayed change. */
  public static void assertSucceeded(ChangeResult result) {
    assertThat(result)
        .as("result for %s: %s", result.change(), describe(result))
        .isNotInstanceOf(ChangeResult.Failed.class);
  }

  /**
   * Asserts a failure that retrying cannot fix: a {@link PermanentException}, or a {@link
   * ProviderException} that is not retriable. Returns the error for further checks.
   */
  public static GordonException assertPermanentFailure(ChangeResult result) {
    assertThat(result)
        .as("result for %s: %s", result.change(), describe(result))
        .isInstanceOf(ChangeResult.Failed.class);
    GordonException error = ((ChangeResult.Failed) result).error();
    boolean permanent =
        error instanceof PermanentException
            || (error instanceof ProviderException p && !p.retriable());
    assertThat(permanent).as("error is permanent: %s", error).isTrue();
    return error;
  }

  static String describe(ChangeResult result) {
    return switch (result) {
      case ChangeResult.Applied a -> "Applied";
      case ChangeResult.Unchanged u -> "Unchanged (" + u.reason() + ")";
      case ChangeResult.Failed f ->
          "Failed: " + f.error().getClass().getSimpleName() + ": " + f.error().getMessage();
    };
  }
}
