package io.gordon.gcp.compute;

import static io.gordon.gcp.ApiCallException.call;

import com.google.api.services.compute.Compute;
import com.google.api.services.compute.model.Instance;
import io.gordon.api.PermanentException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.PluginContext;
import io.gordon.gcp.ApiCallException;
import io.gordon.gcp.ApiError;
import io.gordon.gcp.Backoff;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The GCE enricher ({@code gcp.enricher}, phase {@code enrich}). For an audit-log insert it reads
 * the instance from Compute, polling with bounded exponential backoff while it has no address yet,
 * and adds {@code <instance>.<dns_zone> A <ip>}; for a delete it looks the A record up through the
 * DNS provider and asks for the removal of exactly that rdata. Events that carry records pass
 * through.
 */
final class GceEnricher implements MessageHandler {
  private final PluginContext context;
  private final Compute compute;
  private final GceSettings settings;

  GceEnricher(PluginContext context, Compute compute, GceSettings settings) {
    this.context = context;
    this.compute = compute;
    this.settings = settings;
  }

  @Override
  public String phase() {
    return "enrich";
  }

  @Override
  public EventMessage handle(EventMessage message) {
    DnsEvent event = message.event();
    if (!event.needsEnrichment()) {
      return note(message, "Message already enriched, skipping phase.");
    }
    InstanceRef ref = InstanceRef.parse(event.resourceName().orElseThrow());
    String fqdn = ref.name() + "." + settings.dnsZone();
    if (event.action() == Action.ADDITIONS) {
      String ip = address(message.id(), ref);
      RecordSet record = RecordSet.of(fqdn, RecordType.A, settings.defaultTtl(), ip);
      return note(
          message.withEvent(event.withRecords(List.of(record))),
          "Enriched msg with 1 resource record(s).");
    }
    Optional<RecordSet> live = context.records().read(fqdn, RecordType.A);
    if (live.isEmpty()) {
      RecordSet whole = new RecordSet(fqdn, RecordType.A, OptionalInt.empty(), List.of());
      return note(
          message.withEvent(event.withRecords(List.of(whole))),
          "No A record found for " + fqdn + "; nothing to delete.");
    }
    RecordSet toRemove = new RecordSet(fqdn, RecordType.A, OptionalInt.empty(), live.get().rdata());
    return note(
        message.withEvent(event.withRecords(List.of(toRemove))),
        "Enriched msg with 1 resource record(s) to delete: "
            + fqdn
            + " A "
            + live.get().rdata()
            + ".");
  }

  private EventMessage note(EventMessage m, String text) {
    return m.withHistory(context.clock().instant(), context.pluginName(), text);
  }

  /** Reads the instance until it has an address, within the configured retries. */
  private String address(String messageId, InstanceRef ref) {
    Backoff backoff = settings.backoff();
    String last = "";
    for (int attempt = 0; attempt < settings.retries(); attempt++) {
      if (attempt > 0 && !backoff.sleep(attempt - 1)) {
        throw new RetriableException("interrupted while waiting for " + ref);
      }
      Instance instance;
      try {
        instance =
            call(() -> compute.instances().get(ref.project(), ref.zone(), ref.name()).execute());
      } catch (ApiCallException e) {
        ApiError err = e.error();
        if (err.kind() != ApiError.Kind.RETRIABLE) {
          throw new PermanentException("cannot read instance " + ref + ": " + err.describe(), e);
        }
        last = err.describe();
        continue;
      }
      Optional<String> ip = InstanceAddress.of(instance, settings.useInternalIp());
      if (ip.isPresent()) {
        return ip.get();
      }
      if (!InstanceAddress.mayStillGetOne(instance)) {
        throw new PermanentException(
            "instance "
                + ref
                + " is "
                + instance.getStatus()
                + " and has no "
                + (settings.useInternalIp() ? "internal" : "external NAT")
                + " IP"
                + (settings.useInternalIp()
                    ? ""
                    : " (set use_internal_ip = true to " + "publish its internal IP)"));
      }
      last = "instance is " + instance.getStatus() + " without an address yet";
      context.logger().log(System.Logger.Level.DEBUG, "[msg-{0}] {1}: {2}", messageId, ref, last);
    }
    throw new RetriableException(
        "no address for " + ref + " after " + settings.retries() + " reads: " + last);
  }
}
