package io.gordon.core.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Lenient ISO-8601 parsing, as the original's events were written by Python: with or without a zone
 * (naive times are UTC), with a space instead of {@code T}, with up to nine fraction digits, or a
 * date alone (midnight UTC).
 */
final class Timestamps {
  /** What an accepted timestamp looks like, for error messages. */
  static final String EXPECTED =
      "an ISO-8601 date-time such as 2019-02-01T00:00:00Z;" + " without a zone UTC is assumed";

  private Timestamps() {}

  /** The instant {@code text} denotes, or empty when it is not an ISO-8601 date-time. */
  static Optional<Instant> parse(String text) {
    String t = text.trim();
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    if (t.endsWith("z")) {
      t = t.substring(0, t.length() - 1) + 'Z';
    }
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // try the zone-less forms
    }
    try {
      return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // try a date alone
    }
    try {
      return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
