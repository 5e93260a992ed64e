package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.config.Secret;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.testing.dns.BindServer;
import io.gordon.testing.dns.KnotServer;
import io.gordon.testing.dns.TsigKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each server-side failure maps to the documented error class and message. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Rfc2136ErrorsIT {
  private BindServer bind;
  private KnotServer knot;

  @BeforeAll
  void start() {
    bind = BindServer.start("example.test.");
    knot = KnotServer.start("example.test.");
  }

  @AfterAll
  void stop() {
    bind.close();
    knot.close();
  }

  private static final String BADSIG =
      ": BADSIG (the signature does not verify: tsig_secret differs from the server's secret for"
          + " this key)";

  private static Change.Replace change(String label) {
    return new Change.Replace(
        RecordSet.of(label + ".example.test.", RecordType.A, 300, "192.0.2.1"));
  }

  private static ProviderException failure(ChangeResult result) {
    assertThat(result).isInstanceOf(ChangeResult.Failed.class);
    return (ProviderException) ((ChangeResult.Failed) result).error();
  }

  private static Optional<TsigSettings> wrongSecret(TsigKey key) {
    return Optional.of(
        TsigSettings.of(
            "rfc2136",
            key.name(),
            key.algorithm(),
            new Secret(TsigKey.generate(key.name()).secret(), "test")));
  }

  @Test
  void aRecordSetNoMessageCanCarryFailsPermanentlyAndLeavesTheServerHealthy() {
    List<String> unhealthy = new ArrayList<>();
    var provider =
        new Rfc2136Provider(
            TestProviders.settings(bind, TestProviders.key(bind)),
            Clock.systemUTC(),
            System.getLogger("gordon.rfc2136"),
            MetricRelay.noop(),
            new HealthReporter() {
              @Override
              public void healthy() {}

              @Override
              public void unhealthy(String reason) {
                unhealthy.add(reason);
              }
            });
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      values.add(i + "w".repeat(7990));
    }
    // built without the event's check (RecordSet#checkWireSize), as a janitor's desired set is
    Change big = new Change.Replace(RecordSet.of("big.example.test.", RecordType.TXT, values));
    List<ChangeResult> results = provider.apply(List.of(big, change("besidebig")));
    ProviderException e = failure(results.get(0));
    assertThat(e.retriable()).isFalse();
    assertThat(e)
        .hasMessage(
            "the UPDATE for big.example.test./TXT (zone example.test.) takes 80497 octets, more"
                + " than one DNS message carries (65023 with room for the TSIG signature); not"
                + " sent");
    assertThat(results.get(1)).isInstanceOf(ChangeResult.Applied.class);
    assertThat(unhealthy).isEmpty();
    provider.shutdown();
  }

  @Test
  void updateSignedWithAWrongSecretFailsPermanentlyWithBadsig() {
    var provider = TestProviders.provider(TestProviders.settings(bind, wrongSecret(bind.key())));
    List<ChangeResult> results = provider.apply(List.of(change("badsig1"), change("badsig2")));
    for (ChangeResult r : results) {
      ProviderException e = failure(r);
      assertThat(e.retriable()).isFalse();
      assertThat(e).hasMessage("TSIG key 'gordon-key' rejected by " + bind.hostPort() + BADSIG);
    }
    assertThatThrownBy(provider::check)
        .isInstanceOf(ProviderException.class)
        .hasMessage("TSIG key 'gordon-key' rejected by " + bind.hostPort() + BADSIG);
    provider.shutdown();
  }

  @Test
  void aKeyWithTheWrongAlgorithmFailsPermanentlyNamingTheAlgorithm() {
    var key =
        Optional.of(
            TsigSettings.of(
                "rfc2136", bind.key().name(), "hmac-sha512", new Secret(bind.key().secret(), "t")));
    var provider = TestProviders.provider(TestProviders.settings(bind, key));
    ProviderException e = failure(provider.apply(List.of(change("badalg"))).get(0));
    assertThat(e.retriable()).isFalse();
    assertThat(e)
        .hasMessage(
            "TSIG key 'gordon-key' rejected by "
                + bind.hostPort()
                + ": BADKEY (the server knows no key of this name and algorithm hmac-sha512:"
                + " tsig_key_name and tsig_algorithm must match the server's key statement)");
    provider.shutdown();
  }

  @Test
  void aQueryForAZoneTheServerDoesNotServeIsNotCalledARefusedUpdate() {
    var settings = TestProviders.settings(bind, TestProviders.key(bind));
    var provider =
        TestProviders.provider(
            new Rfc2136Settings(
                settings.plugin(),
                settings.server(),
                List.of("example.test.", "elsewhere.test."),
                settings.tsig(),
                settings.timeout(),
                settings.tcp(),
                300,
                500,
                4));
    assertThatThrownBy(() -> provider.read("www.elsewhere.test.", RecordType.A))
        .isInstanceOf(ProviderException.class)
        .hasMessage(
            bind.hostPort()
                + " refused the query for www.elsewhere.test./A (zone elsewhere.test.) (REFUSED):"
                + " it does not serve zone elsewhere.test., or its allow-query does not permit key"
                + " 'gordon-key' (list only zones the server is primary for in rfc2136.zones)");
    provider.shutdown();
  }

  @Test
  void unknownKeyFailsPermanentlyWithBadkey() {
    var key =
        Optional.of(
            TsigSettings.of(
                "rfc2136", "stranger", "hmac-sha256", new Secret(bind.key().secret(), "test")));
    var provider = TestProviders.provider(TestProviders.settings(bind, key));
    ProviderException e = failure(provider.apply(List.of(change("badkey"))).get(0));
    assertThat(e.retriable()).isFalse();
    assertThat(e)
        .hasMessage(
            "TSIG key 'stranger' rejected by "
                + bind.hostPort()
                + ": BADKEY (the server knows no key of this name and algorithm hmac-sha256:"
                + " tsig_key_name and tsig_algorithm must match the server's key statement)");
    provider.shutdown();
  }

  @Test
  void signatureFromASkewedClockFailsPermanentlyWithBadtime() {
    Clock skewed = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    var provider =
        TestProviders.provider(
            TestProviders.settings(bind, TestProviders.key(bind)), skewed, MetricRelay.noop());
    ProviderException e = failure(provider.apply(List.of(change("badtime"))).get(0));
    assertThat(e.retriable()).isFalse();
    assertThat(e)
        .hasMessage(
            "TSIG key 'gordon-key' rejected by "
                + bind.hostPort()
                + ": BADTIME (the clocks of gordon's host and the server differ by more than the"
                + " 300 s the signature allows: synchronise them, e.g. with NTP)");
    provider.shutdown();
  }

  @Test
  void unsignedUpdateIsRefusedByBindAsAFrozenZoneIs() {
    // BIND answers a refused key and a frozen zone alike (Rfc2136FrozenZoneIT): retriable.
    var provider = TestProviders.provider(TestProviders.settings(bind, Optional.empty()));
    ProviderException e = failure(provider.apply(List.of(change("unsigned"))).get(0));
    assertThat(e.retriable()).isTrue();
    assertThat(e)
        .hasMessage(
            bind.hostPort()
                + " refused the update of unsigned.example.test./A (zone example.test.) (REFUSED)"
                + " and refuses every update of the zone from unsigned updates (configure"
                + " tsig_key_name and tsig_secret): the zone is frozen (BIND: rndc freeze, then"
                + " rndc thaw; Knot: knotc zone-freeze, then zone-thaw), or its allow-update or"
                + " update-policy does not permit unsigned updates (configure tsig_key_name and"
                + " tsig_secret); retrying");
    provider.shutdown();
  }

  @Test
  void bindRefusingTheResultingDataIsNotReportedAsAPermissionProblem() {
    var provider = TestProviders.provider(bind);
    var mx =
        new Change.Replace(
            RecordSet.of(
                "mx-sanity.example.test.", RecordType.MX, 300, "10 no-address.example.test."));
    // the address of the zone's own name server: BIND's "post update name server sanity check"
    var glue = new Change.Remove(RecordSet.of("ns1.example.test.", RecordType.A, List.of()));
    for (Change c : List.of(mx, glue)) {
      ProviderException e = failure(provider.apply(List.of(c)).get(0));
      assertThat(e.retriable()).isFalse();
      assertThat(e)
          .hasMessage(
              bind.hostPort()
                  + " refused the update of "
                  + c.name()
                  + "/"
                  + c.type()
                  + " (zone example.test.) (REFUSED) although key 'gordon-key' may update"
                  + " zone example.test.: the server's checks rejected the resulting data (BIND logs"
                  + " \"post update name server sanity check failed\" for NS records whose in-zone"
                  + " name server has no address record, and check-integrity refuses an MX or SRV whose"
                  + " in-zone target has none); add the target's A/AAAA record first");
    }
    provider.shutdown();
  }

  @Test
  void unsignedUpdateIsNotAuthorizedByKnot() {
    var provider = TestProviders.provider(TestProviders.settings(knot, Optional.empty()));
    ProviderException e = failure(provider.apply(List.of(change("unsigned"))).get(0));
    assertThat(e.retriable()).isFalse();
    assertThat(e)
        .hasMessage(
            knot.hostPort()
                + " answered NOTAUTH for"
                + " unsigned.example.test./A (zone example.test.): unsigned updates (configure"
                + " tsig_key_name and tsig_secret) may not update zone example.test., or the server is"
                + " not authoritative for it");
    provider.shutdown();
  }

  @Test
  void serverThatIsDownIsRetriable() {
    BindServer down = BindServer.start("example.test.");
    var settings = TestProviders.settings(down, TestProviders.key(down));
    down.close();
    var provider =
        TestProviders.provider(
            new Rfc2136Settings(
                settings.plugin(),
                settings.server(),
                settings.zones(),
                settings.tsig(),
                Duration.ofMillis(300),
                settings.tcp(),
                300,
                500,
                4));
    assertThatThrownBy(() -> provider.apply(List.of(change("down1"), change("down2"))))
        .isInstanceOf(RetriableException.class)
        .hasMessage(
            "cannot reach " + down.hostPort() + " for zone example.test.: port" + " unreachable");
    assertThatThrownBy(provider::check)
        .isInstanceOf(ProviderException.class)
        .matches(e -> ((ProviderException) e).retriable());
    provider.shutdown();
  }

  @Test
  void serverThatDoesNotAnswerTimesOutRetriably() throws Exception {
    try (var silent = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      String hostPort = "127.0.0.1:" + silent.getLocalPort();
      var provider =
          TestProviders.provider(
              new Rfc2136Settings(
                  "rfc2136",
                  Rfc2136Settings.parseServer("rfc2136", hostPort),
                  List.of("example.test."),
                  TestProviders.key(bind),
                  Duration.ofMillis(300),
                  Rfc2136Settings.TcpMode.NEVER,
                  300,
                  500,
                  4));
      assertThatThrownBy(() -> provider.apply(List.of(change("silent"))))
          .isInstanceOf(RetriableException.class)
          .hasMessage(
              "no answer from "
                  + hostPort
                  + " within 300 ms for"
                  + " silent.example.test./A (zone example.test.)");
      provider.shutdown();
    }
  }

  @Test
  void checkPassesWithTheRightKeyOnBothServers() {
    for (var server : List.of(bind, knot)) {
      var provider = TestProviders.provider(server);
      provider.check();
      provider.shutdown();
    }
  }
}
