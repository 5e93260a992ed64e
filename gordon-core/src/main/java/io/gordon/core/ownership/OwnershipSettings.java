package io.gordon.core.ownership;

import io.gordon.api.model.OwnerMarker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code [core.ownership]}: whether gordon records and checks ownership of what it writes, as whom,
 * what it may adopt, what it never touches, and the live-path deletion breaker. The keys are
 * declared in {@link OwnershipSpec#OWNERSHIP}.
 *
 * @param enabled when false, providers are used as they are: no markers, no checks
 * @param ownerId the owner id written in markers
 * @param adopt names an existing RRset without marker may be taken over at
 * @param protectedNames names never changed, on top of the apex SOA and NS and glue
 * @param deleteThreshold fraction of a zone's owned RRsets that may be deleted per window
 * @param minRecords owned RRsets a zone needs before the breaker applies
 * @param window the breaker's sliding window
 */
public record OwnershipSettings(
    boolean enabled,
    String ownerId,
    List<NamePattern> adopt,
    List<NamePattern> protectedNames,
    double deleteThreshold,
    int minRecords,
    Duration window) {

  /** Validates the fields and copies the lists. */
  public OwnershipSettings {
    OwnerMarker.checkOwnerId(ownerId);
    adopt = List.copyOf(adopt);
    protectedNames = List.copyOf(protectedNames);
    if (deleteThreshold < 0 || deleteThreshold > 1) {
      throw new IllegalArgumentException(
          "delete_threshold must be from 0 to 1 but was " + deleteThreshold);
    }
    if (minRecords < 0) {
      throw new IllegalArgumentException("min_records must be at least 0 but was " + minRecords);
    }
    Objects.requireNonNull(window, "window == null");
  }

  /** The defaults of every key. */
  public static OwnershipSettings defaults() {
    return new OwnershipSettings(
        true, "gordon", List.of(), List.of(), 0.30, 10, Duration.ofMinutes(10));
  }

  /** Settings with ownership off. */
  public static OwnershipSettings disabled() {
    return new OwnershipSettings(
        false, "gordon", List.of(), List.of(), 0.30, 10, Duration.ofMinutes(10));
  }

  /** Builds the settings from the validated values of the table, defaults included. */
  @SuppressWarnings("unchecked")
  public static OwnershipSettings of(Map<String, Object> values) {
    return new OwnershipSettings(
        (Boolean) values.get("enabled"),
        (String) values.get("owner_id"),
        NamePattern.all((List<String>) values.get("adopt")),
        NamePattern.all((List<String>) values.get("protected")),
        ((Number) values.get("delete_threshold")).doubleValue(),
        Math.toIntExact((Long) values.get("min_records")),
        (Duration) values.get("window"));
  }

  /** Whether an existing RRset without marker at {@code name} may be adopted. */
  public boolean adopts(String name) {
    return NamePattern.firstMatch(adopt, name).isPresent();
  }
}
