package io.gordon.gcp.dns;

import com.google.api.services.dns.model.ResourceRecordSet;
import io.gordon.api.PermanentException;
import io.gordon.api.RetriableException;
import io.gordon.api.janitor.ZoneReader;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.gcp.ApiCallException;
import io.gordon.gcp.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The janitor's {@code gcp.gdns}: reads whole Cloud DNS zones (rrsets.list, every page) for the
 * reconciler, finding each zone's managed zone by DNS name (or the original's naming convention).
 * The apex NS and record types gordon does not manage are left out, as the provider's own listing
 * does; any error fails the read, so a partial list never reaches the reconciler.
 */
final class GdnsZoneReader implements ZoneReader {
  private final CloudDnsApi api;
  private final ZoneResolver resolver;

  GdnsZoneReader(CloudDnsApi api, ZoneResolver resolver) {
    this.api = api;
    this.resolver = resolver;
  }

  @Override
  public List<RecordSet> list(String zone) {
    String z = DnsNames.normalize(zone);
    try {
      List<RecordSet> out = new ArrayList<>();
      for (ResourceRecordSet r : api.rrsets(resolver.managedZone(z), null, null)) {
        boolean apexNs = r.getType().equals("NS") && r.getName().equalsIgnoreCase(z);
        if (!apexNs && CloudDnsPublisher.isManagedType(r.getType())) {
          out.add(CloudDnsPublisher.parse(r));
        }
      }
      return out;
    } catch (ApiCallException e) {
      ApiError error = e.error();
      String what = "Cloud DNS could not list zone " + z + ": " + error.describe();
      throw error.kind() == ApiError.Kind.RETRIABLE
          ? new RetriableException(what)
          : new PermanentException(what);
    }
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    throw new UnsupportedOperationException("gcp.gdns (janitor) reads whole zones");
  }
}
