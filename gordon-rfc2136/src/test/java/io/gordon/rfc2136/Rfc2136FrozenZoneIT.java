package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.testing.dns.BindServer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code rndc freeze} (the documented way to edit a zone that takes dynamic updates) makes BIND
 * answer REFUSED to every update until {@code rndc thaw}. Acceptance pass 4 found gordon
 * dead-lettering every event of the freeze as "its allow-update or update-policy does not permit
 * key": 1,976 of 2,400 events in a 30-second freeze.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Rfc2136FrozenZoneIT {
  private BindServer bind;
  private Rfc2136Provider provider;

  @BeforeAll
  void start() {
    bind = BindServer.start("example.test.");
    provider = TestProviders.provider(bind);
  }

  @AfterAll
  void stop() {
    provider.shutdown();
    bind.close();
  }

  private static Change.Replace change(String label) {
    return new Change.Replace(
        RecordSet.of(label + ".example.test.", RecordType.A, 300, "192.0.2.1"));
  }

  @Test
  void updatesToAFrozenZoneFailAsRetriableNamingTheFreezeAndApplyOnceItIsThawed() {
    assertThat(provider.apply(List.of(change("before"))))
        .allMatch(ChangeResult.Applied.class::isInstance);
    bind.rndc("freeze", "example.test");
    List<Change> batch =
        IntStream.range(0, 8).mapToObj(i -> (Change) change("frozen" + i)).toList();
    try {
      List<ChangeResult> results = provider.apply(batch);
      assertThat(results).hasSize(8).allMatch(ChangeResult.Failed.class::isInstance);
      ProviderException e = (ProviderException) ((ChangeResult.Failed) results.get(0)).error();
      assertThat(e.retriable()).isTrue();
      assertThat(e)
          .hasMessage(
              bind.hostPort()
                  + " refused the update of zone example.test. (REFUSED) and refuses every update"
                  + " of the zone from key 'gordon-key': the zone is frozen (BIND: rndc freeze,"
                  + " then rndc thaw; Knot: knotc zone-freeze, then zone-thaw), or its"
                  + " allow-update or update-policy does not permit key 'gordon-key'; retrying");
    } finally {
      bind.rndc("thaw", "example.test");
    }
    assertThat(provider.apply(batch)).allMatch(ChangeResult.Applied.class::isInstance);
  }
}
