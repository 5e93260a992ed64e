package io.gordon.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.model.RecordSet;
import io.gordon.core.janitor.JanitorReport;
import io.gordon.core.janitor.PlannedChange;
import io.gordon.core.janitor.PlannedChange.Kind;
import io.gordon.core.janitor.Sent;
import io.gordon.core.janitor.ZonePlan;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code gordon janitor} prints: the plan per zone, with results, as text or JSON. */
final class JanitorOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<Kind, String> SIGNS =
      Map.of(Kind.ADDITION, "+", Kind.REPLACEMENT, "~", Kind.DELETION, "-", Kind.ADOPTION, "=");

  private JanitorOutput() {}

  static void text(JanitorReport r, PrintWriter out) {
    Map<PlannedChange, Sent> results = results(r.sent());
    for (ZonePlan z : r.plan().zones()) {
      out.println(
          "zone "
              + z.zone()
              + " ("
              + z.owned()
              + " owned record sets; authority"
              + " observed at "
              + z.observedAt()
              + ")");
      for (PlannedChange c : z.changes()) {
        Sent s = results.get(c);
        out.println(
            "  "
                + SIGNS.get(c.kind())
                + " "
                + c.kind().label()
                + " "
                + describe(c)
                + (s == null
                    ? ""
                    : " [" + s.state() + (s.reason().isEmpty() ? "" : ": " + s.reason()) + "]"));
      }
      z.notes().forEach(n -> out.println("  ! " + n));
      z.guard().ifPresent(g -> out.println("  ! " + g));
      out.println("  " + totals(List.of(z)));
    }
    out.println(
        (r.dryRun() ? "dry run, nothing changed: " : "")
            + totals(r.plan().zones())
            + " in "
            + r.plan().zones().size()
            + (r.plan().zones().size() == 1 ? " zone" : " zones")
            + "; status "
            + r.status());
  }

  private static Map<PlannedChange, Sent> results(List<Sent> sent) {
    Map<PlannedChange, Sent> out = new HashMap<>();
    sent.forEach(s -> out.put(s.change(), s));
    return out;
  }

  private static String describe(PlannedChange c) {
    RecordSet d = c.desired();
    String head = d.name() + " " + d.type();
    return switch (c.kind()) {
      case ADDITION -> head + " " + values(Optional.of(d));
      case DELETION -> head + " " + values(c.live());
      case REPLACEMENT, ADOPTION -> head + " " + values(c.live()) + " -> " + values(Optional.of(d));
    };
  }

  private static String values(Optional<RecordSet> r) {
    return r.map(
            s ->
                (s.ttl().isPresent() ? "ttl " + s.ttl().getAsInt() + " " : "")
                    + String.join(", ", s.rdata()))
        .orElse("(none)");
  }

  private static String totals(List<ZonePlan> zones) {
    StringBuilder sb = new StringBuilder();
    for (Kind k : Kind.values()) {
      int n = zones.stream().mapToInt(z -> z.count(k)).sum();
      sb.append(sb.isEmpty() ? "" : ", ")
          .append(n)
          .append(' ')
          .append(k.label())
          .append(n == 1 ? "" : "s");
    }
    return sb.toString();
  }

  static String json(JanitorReport r) {
    Map<PlannedChange, Sent> results = results(r.sent());
    ObjectNode root =
        MAPPER
            .createObjectNode()
            .put("dryRun", r.dryRun())
            .put("status", r.status())
            .put("exitStatus", r.exitStatus());
    ArrayNode zones = root.putArray("zones");
    for (ZonePlan z : r.plan().zones()) {
      ObjectNode zo =
          zones
              .addObject()
              .put("zone", z.zone())
              .put("observedAt", z.observedAt().toString())
              .put("owned", z.owned());
      z.guard().ifPresent(g -> zo.put("guard", g));
      ArrayNode changes = zo.putArray("changes");
      for (PlannedChange c : z.changes()) {
        ObjectNode co =
            changes
                .addObject()
                .put("kind", c.kind().label())
                .put("name", c.desired().name())
                .put("type", c.desired().type().name());
        c.live().ifPresent(l -> set(co.putObject("old"), l));
        if (c.kind() != Kind.DELETION) {
          set(co.putObject("new"), c.desired());
        }
        Sent s = results.get(c);
        if (s != null) {
          co.put("state", s.state());
          if (!s.reason().isEmpty()) {
            co.put("reason", s.reason());
          }
        }
      }
      z.notes().forEach(zo.putArray("notes")::add);
      totals(zo.putObject("totals"), List.of(z));
    }
    totals(root.putObject("totals"), r.plan().zones());
    ArrayNode errors = root.putArray("errors");
    r.plan().errors().forEach(errors::add);
    r.errors().forEach(errors::add);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void set(ObjectNode o, RecordSet r) {
    r.ttl().ifPresent(t -> o.put("ttl", t));
    r.rdata().forEach(o.putArray("rrdatas")::add);
  }

  private static void totals(ObjectNode o, List<ZonePlan> zones) {
    for (Kind k : Kind.values()) {
      o.put(k.label() + "s", zones.stream().mapToInt(z -> z.count(k)).sum());
    }
  }
}
