package io.gordon.core.ownership;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.model.OwnerMarker;
import java.time.Duration;
import java.util.List;

/** The keys of {@code [core.ownership]}, which {@link OwnershipSettings} holds once read. */
public final class OwnershipSpec {
  private OwnershipSpec() {}

  /** {@code [core.ownership]}: see docs/ownership.md. */
  public static final ConfigSpec OWNERSHIP =
      ConfigSpec.builder()
          .optional(
              "enabled",
              ConfigType.BOOLEAN,
              true,
              Rule.any(),
              "Record which RRsets this gordon owns with a TXT marker written in the same atomic "
                  + "change as the record (see docs/ownership.md), and never replace or delete an "
                  + "existing RRset it does not own. false: no markers, no checks.")
          .optional(
              "owner_id",
              ConfigType.STRING,
              "gordon",
              Rule.matching(
                  OwnerMarker.OWNER_ID.pattern(),
                  "a lower-case letter or digit, then up to 62 of a-z, 0-9, '.', '_', '-'"),
              "Owner id written in markers. Deployments sharing a zone need different ids; they "
                  + "never touch each other's records.")
          .optional(
              "adopt",
              ConfigType.STRING_LIST,
              List.of(),
              Rule.of(NamePattern.RULE, NamePattern::validList),
              "Names gordon may take over when it first replaces them although they have no marker "
                  + "(e.g. records of the original gordon); \"*.example.com\" matches every name "
                  + "below example.com.")
          .optional(
              "protected",
              ConfigType.STRING_LIST,
              List.of(),
              Rule.of(NamePattern.RULE, NamePattern::validList),
              "Names gordon never changes, on top of the apex SOA and NS and the glue A/AAAA of "
                  + "in-zone name servers, which are always protected.")
          .optional(
              "delete_threshold",
              ConfigType.NUMBER,
              0.30,
              Rule.between(0, 1),
              "Deletion circuit breaker: when more than this fraction of a zone's owned RRsets "
                  + "would be deleted within the window, further deletions are dead-lettered with "
                  + "the reason and /readyz reports it.")
          .optional(
              "min_records",
              ConfigType.INTEGER,
              10L,
              Rule.between(0, Integer.MAX_VALUE),
              "The breaker applies only to zones with at least this many owned RRsets.")
          .optional(
              "window",
              ConfigType.DURATION,
              Duration.ofMinutes(10),
              Rule.durationAtLeast(1),
              "Sliding window over which the live path counts deletions per zone.")
          .build();
}
