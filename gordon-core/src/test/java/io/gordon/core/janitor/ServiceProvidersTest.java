package io.gordon.core.janitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.model.Change;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.core.ownership.OwnershipProvider;
import io.gordon.core.ownership.OwnershipSettings;
import io.gordon.core.plugin.PluginLoader;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.Assembly.Named;
import io.gordon.core.runtime.HealthRegistry;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The janitor inside gordon run sends through the running service's provider instances. */
class ServiceProvidersTest {
  static final String ZONE = JanitorRunTest.ZONE;
  final InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", ZONE);
  final Clock clock = Clock.systemUTC();
  final PluginConfig none = new PluginConfig("x", Map.of());
  final List<String> serviceTrips = new ArrayList<>();
  @TempDir Path dir;

  /** The service's provider: its live-path breaker admits 30 % of the owned RRsets. */
  Assembly service() {
    CoreSettings s = CoreSettings.defaults(dir);
    DnsProvider wrapped =
        OwnershipProvider.wrap(
            dns,
            ownership(0.3),
            clock,
            new OwnershipProvider.Breaker() {
              @Override
              public void tripped(String reason) {
                serviceTrips.add(reason);
              }

              @Override
              public void cleared() {}
            });
    return new Assembly(
        s,
        List.of(),
        List.of(),
        List.of(new Named<>("mem", wrapped, none)),
        MetricRelay.noop(),
        Optional.empty(),
        new JsonEventCodec(s.events()),
        new HealthRegistry(clock, Duration.ofSeconds(30)),
        List.of(new Named<GordonPlugin>("mem", wrapped, none)));
  }

  static OwnershipSettings ownership(double deleteThreshold) {
    return new OwnershipSettings(
        true, "gordon", List.of(), List.of(), deleteThreshold, 1, Duration.ofMinutes(10));
  }

  static RecordSet host(int i) {
    return RecordSet.of("h" + i + "." + ZONE, RecordType.A, 300, "192.0.2." + (i + 1));
  }

  /** The run's own load: the janitor's route, nothing else. */
  Assembly run() {
    CoreSettings d = CoreSettings.defaults(dir);
    CoreSettings s =
        new CoreSettings(
            d.configRoot(),
            d.plugins(),
            d.debug(),
            d.metrics(),
            PluginLoader.JANITOR_ROUTE,
            d.maxInFlight(),
            d.shutdownTimeout(),
            d.maxMsgAge(),
            d.maxClockSkew(),
            d.dedupWindow(),
            d.healthThreshold(),
            d.retry(),
            d.deadLetterPath(),
            d.admin(),
            d.events(),
            d.logging());
    return new Assembly(
        s,
        List.of(),
        List.of(),
        List.of(),
        MetricRelay.noop(),
        Optional.empty(),
        new JsonEventCodec(s.events()),
        new HealthRegistry(clock, Duration.ofSeconds(30)),
        List.of());
  }

  @Test
  void theRunWritesThroughTheServicesProviderInstanceAndStartsNothingOfTheService() {
    Assembly a = ServiceProviders.assembly(service(), run(), ownership(1.0), clock);
    assertThat(a.startOrder()).isEmpty();
    assertThat(a.settings().route()).isEqualTo(PluginLoader.JANITOR_ROUTE);
    DnsProvider p = a.providers().get(0).plugin();
    assertThat(((OwnershipProvider) p).delegate()).isSameAs(dns);
    p.apply(
        List.of(new Change.Replace(RecordSet.of("www." + ZONE, RecordType.A, 300, "192.0.2.1"))));
    assertThat(dns.read("www." + ZONE, RecordType.A)).isPresent();
  }

  @Test
  void theServicesLiveBreakerNeitherCountsNorRefusesTheJanitorsDeletions() {
    Assembly service = service();
    DnsProvider live = service.providers().get(0).plugin();
    List<Change> adds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      adds.add(new Change.Replace(host(i)).withOwnership(Ownership.of("gordon")));
    }
    dns.apply(adds);
    DnsProvider janitor =
        ServiceProviders.assembly(service, run(), ownership(1.0), clock)
            .providers()
            .get(0)
            .plugin();
    List<Change> fourOfTen = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      fourOfTen.add(new Change.Remove(host(i)));
    }
    assertThat(janitor.apply(fourOfTen)).allMatch(x -> x instanceof ChangeResult.Applied);
    assertThat(live.apply(List.of(new Change.Remove(host(9)))))
        .allMatch(x -> x instanceof ChangeResult.Applied);
    assertThat(dns.read(host(0).name(), RecordType.A)).isEmpty();
    assertThat(serviceTrips).isEmpty();
  }
}
