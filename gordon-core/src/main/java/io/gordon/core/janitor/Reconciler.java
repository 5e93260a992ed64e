package io.gordon.core.janitor;

import io.gordon.api.janitor.Authority;
import io.gordon.api.janitor.DesiredZone;
import io.gordon.api.janitor.Observation;
import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.RecordReader;
import io.gordon.core.delivery.Failure;
import io.gordon.core.runtime.Assembly.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans one janitor run, provider-agnostic: reads every covered zone live through a {@link
 * RecordReader} (AXFR, zone file, Cloud DNS rrsets.list: whatever the provider does), then asks
 * each authority, then plans and guards each zone. Reading before observing is half of the
 * freshness rule (see {@link JanitorEvents}). A zone whose read fails, or whose authority fails, is
 * not changed at all; the run then reports the error.
 */
public final class Reconciler {
  private final List<Named<Authority>> authorities;
  private final RecordReader live;
  private final OwnershipRules rules;

  /**
   * Creates a reconciler.
   *
   * @param authorities the authorities, with their names
   * @param live reads a zone's RRsets, owner markers included
   * @param rules owner id and deletion guard settings
   */
  public Reconciler(List<Named<Authority>> authorities, RecordReader live, OwnershipRules rules) {
    this.authorities = List.copyOf(authorities);
    this.live = live;
    this.rules = rules;
  }

  /**
   * Plans a run.
   *
   * @param adopt take over unowned RRsets the authorities list
   * @param force let the deletion guard pass once
   */
  public JanitorPlan plan(boolean adopt, boolean force) {
    List<String> errors = new ArrayList<>();
    Map<String, String> coveredBy = new HashMap<>();
    Map<String, List<RecordSet>> read = new LinkedHashMap<>();
    for (Named<Authority> a : authorities) {
      for (String zone : a.plugin().zones()) {
        String other = coveredBy.putIfAbsent(zone, a.name());
        if (other != null) {
          errors.add(
              "zone "
                  + zone
                  + " is covered by both "
                  + other
                  + " and "
                  + a.name()
                  + " (expected one authority per zone); not reconciled");
          read.remove(zone);
          continue;
        }
        try {
          read.put(zone, live.list(zone));
        } catch (RuntimeException e) {
          errors.add(
              "zone "
                  + zone
                  + ": cannot read the live zone: "
                  + Failure.describe(e)
                  + "; not reconciled");
        }
      }
    }
    Planner planner = new Planner(rules.ownerId(), adopt);
    DeletionGuard guard = new DeletionGuard(rules);
    List<ZonePlan> plans = new ArrayList<>();
    for (Named<Authority> a : authorities) {
      Observation o;
      try {
        o = a.plugin().observe();
      } catch (RuntimeException e) {
        errors.add(
            a.name()
                + ": the authority failed, nothing is changed in its zones ("
                + String.join(", ", a.plugin().zones())
                + "): "
                + Failure.describe(e));
        continue;
      }
      plans.addAll(planZones(a, o, read, planner, guard, force, errors));
    }
    return new JanitorPlan(plans, errors);
  }

  private static List<ZonePlan> planZones(
      Named<Authority> a,
      Observation o,
      Map<String, List<RecordSet>> read,
      Planner planner,
      DeletionGuard guard,
      boolean force,
      List<String> errors) {
    List<ZonePlan> out = new ArrayList<>();
    Set<String> declared = a.plugin().zones();
    for (DesiredZone z : o.zones()) {
      if (!declared.contains(z.zone())) {
        errors.add(
            a.name()
                + ": observed zone "
                + z.zone()
                + ", which it does not cover ("
                + String.join(", ", declared)
                + "); ignored");
      } else if (read.containsKey(z.zone())) {
        out.add(guard.check(planner.plan(z, o.observedAt(), read.get(z.zone())), force));
      }
    }
    return out;
  }
}
