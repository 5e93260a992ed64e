package io.gordon.core.janitor;

import io.gordon.api.model.Action;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.DnsProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes sure the janitor's changes reach the provider as compare-and-swaps. The janitor's events
 * carry their expectations ({@link DnsEvent#expected()}); a publish stage that builds changes
 * through {@link DnsEvent#changes()} passes them on, and then this wrapper does nothing. For a
 * publish stage that builds unconditional changes itself, it restores each expectation from the
 * run's events by RRset and direction, so the janitor never deletes or overwrites unconditionally.
 * Each name and type appears in at most one janitor event per run, so the lookup is unambiguous.
 */
final class ExpectingProvider implements DnsProvider {
  private final DnsProvider delegate;
  private final Map<String, List<String>> expectations;

  private ExpectingProvider(DnsProvider delegate, Map<String, List<String>> expectations) {
    this.delegate = delegate;
    this.expectations = expectations;
  }

  /** Wraps {@code provider} with the expectations of {@code events}. */
  static DnsProvider wrap(DnsProvider provider, List<DnsEvent> events) {
    Map<String, List<String>> byKey = new HashMap<>();
    for (DnsEvent e : events) {
      for (RecordSet r : e.records()) {
        e.expectedFor(r).ifPresent(x -> byKey.put(key(e.action() == Action.DELETIONS, r.key()), x));
      }
    }
    return new ExpectingProvider(provider, Map.copyOf(byKey));
  }

  private static String key(boolean remove, String rrset) {
    return (remove ? "-" : "+") + rrset;
  }

  @Override
  public List<ChangeResult> apply(List<Change> changes) {
    List<Change> out = new ArrayList<>(changes.size());
    for (Change c : changes) {
      List<String> e = c.expected().isPresent() ? null
          : expectations.get(key(c instanceof Change.Remove, c.records().key()));
      out.add(e == null ? c : switch (c) {
        case Change.Replace r -> new Change.Replace(r.records(), Optional.of(e), r.ownership());
        case Change.Remove r -> new Change.Remove(r.records(), Optional.of(e), r.ownership());
      });
    }
    return delegate.apply(out);
  }

  @Override
  public String phase() {
    return delegate.phase();
  }

  @Override
  public Set<String> zones() {
    return delegate.zones();
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    return delegate.read(name, type);
  }

  @Override
  public List<RecordSet> list(String zone) {
    return delegate.list(zone);
  }

  @Override
  public void check() {
    delegate.check();
  }
}
