package io.gordon.core.janitor;

import io.gordon.api.plugin.DnsProvider;
import io.gordon.core.ownership.OwnershipProvider;
import io.gordon.core.ownership.OwnershipSettings;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.Assembly.Named;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The assembly a janitor run inside {@code gordon run} sends through: the running service's DNS
 * provider instances, dead-letter sink and metrics, with the run's own settings (the janitor's
 * route), codec and health registry, and nothing of the service's to start or stop.
 */
final class ServiceProviders {
  /** The janitor's breaker refusals are reported by the run itself (see JanitorSchedule). */
  private static final OwnershipProvider.Breaker QUIET =
      new OwnershipProvider.Breaker() {
        @Override
        public void tripped(String reason) {}

        @Override
        public void cleared() {}
      };

  private ServiceProviders() {}

  /**
   * The assembly for one run.
   *
   * @param service the running service's assembly
   * @param run the run's own load (janitor plugins only)
   * @param ownership the janitor's {@code [core.ownership]} (see {@link Janitor})
   */
  static Assembly assembly(
      Assembly service, Assembly run, OwnershipSettings ownership, Clock clock) {
    List<Named<DnsProvider>> providers = new ArrayList<>();
    for (Named<DnsProvider> p : service.providers()) {
      // The same provider instance, under the janitor's ownership rules instead of the
      // service's: they differ only in the live-path breaker and the adopted names.
      DnsProvider shared = p.plugin() instanceof OwnershipProvider o ? o.delegate() : p.plugin();
      providers.add(
          new Named<>(
              p.name(), OwnershipProvider.wrap(shared, ownership, clock, QUIET), p.config()));
    }
    return new Assembly(
        run.settings(),
        List.of(),
        List.of(),
        providers,
        service.metrics(),
        service.deadLetterSink(),
        run.codec(),
        run.health(),
        List.of());
  }
}
