package io.gordon.gcp.dns;

import static io.gordon.gcp.ApiCallException.call;

import com.google.api.services.dns.Dns;
import com.google.api.services.dns.model.Change;
import com.google.api.services.dns.model.ManagedZone;
import com.google.api.services.dns.model.ManagedZonesListResponse;
import com.google.api.services.dns.model.Quota;
import com.google.api.services.dns.model.ResourceRecordSet;
import com.google.api.services.dns.model.ResourceRecordSetsListResponse;
import io.gordon.api.plugin.PluginContext;
import io.gordon.gcp.ApiCallException;
import io.gordon.gcp.GcpKeys;
import io.gordon.gcp.GoogleClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Cloud DNS v1 calls gordon makes, for one project, over the apiary client. Lists follow {@code
 * nextPageToken} to the end. Every failure is an {@link ApiCallException}.
 */
final class CloudDnsApi {
  /** The page size asked for in lists (the server may return fewer). */
  static final int PAGE_SIZE = 1000;

  private final Dns dns;
  private final String project;

  CloudDnsApi(Dns dns, String project) {
    this.dns = dns;
    this.project = project;
  }

  /**
   * The API of {@code project} for the plugin of {@code context} (its credentials and {@code
   * request_timeout}) at {@code endpoint}.
   */
  static CloudDnsApi connect(PluginContext context, String project, String endpoint) {
    Duration timeout = context.config().get(GcpKeys.REQUEST_TIMEOUT);
    return new CloudDnsApi(
        GoogleClients.builder(Dns.Builder::new, context, timeout, endpoint).build(), project);
  }

  String project() {
    return project;
  }

  Quota quota() throws ApiCallException {
    return call(() -> dns.projects().get(project).execute().getQuota());
  }

  /** The managed zones whose DNS name is {@code dnsName}. */
  List<ManagedZone> zonesNamed(String dnsName) throws ApiCallException {
    List<ManagedZone> out = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ManagedZonesListResponse r =
          call(
              () -> dns.managedZones().list(project).setDnsName(dnsName).setPageToken(t).execute());
      if (r.getManagedZones() != null) {
        out.addAll(r.getManagedZones());
      }
      token = r.getNextPageToken();
    } while (token != null);
    return out;
  }

  ManagedZone zone(String name) throws ApiCallException {
    return call(() -> dns.managedZones().get(project, name).execute());
  }

  /** The record sets at {@code name} (every type when {@code type} is null), or the zone's. */
  List<ResourceRecordSet> rrsets(String zone, String name, String type) throws ApiCallException {
    List<ResourceRecordSet> out = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ResourceRecordSetsListResponse r =
          call(
              () ->
                  dns.resourceRecordSets()
                      .list(project, zone)
                      .setName(name)
                      .setType(type)
                      .setMaxResults(PAGE_SIZE)
                      .setPageToken(t)
                      .execute());
      if (r.getRrsets() != null) {
        out.addAll(r.getRrsets());
      }
      token = r.getNextPageToken();
    } while (token != null);
    return out;
  }

  Optional<ResourceRecordSet> rrset(String zone, String name, String type) throws ApiCallException {
    return rrsets(zone, name, type).stream().findFirst();
  }

  Change create(String zone, Change change, String clientOperationId) throws ApiCallException {
    return call(
        () ->
            dns.changes()
                .create(project, zone, change)
                .setClientOperationId(clientOperationId)
                .execute());
  }

  Change change(String zone, String id) throws ApiCallException {
    return call(() -> dns.changes().get(project, zone, id).execute());
  }
}
