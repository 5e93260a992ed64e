package io.gordon.local.http;

import java.time.Instant;

/**
 * Writes an {@link Instant} exactly as {@link Instant#toString()} does (ISO-8601, UTC, the fraction
 * in groups of three digits, none when zero), without the formatter's objects: the {@code
 * ?wait=true} answer formats two or more per event.
 */
final class IsoInstant {
  /** 9999-12-31T23:59:59Z: later (and earlier than 1970) goes through {@code toString()}. */
  private static final long LAST = 253_402_300_799L;

  private IsoInstant() {}

  static void append(Instant t, JsonBytes sb) {
    long s = t.getEpochSecond();
    if (s < 0 || s > LAST) {
      sb.ascii(t.toString());
      return;
    }
    long day = s / 86_400;
    int secs = (int) (s % 86_400);
    // civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted)
    long z = day + 719_468;
    long era = z / 146_097;
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
    digits(sb, y, 4).ascii('-');
    digits(sb, m, 2).ascii('-');
    digits(sb, d, 2).ascii('T');
    digits(sb, secs / 3600, 2).ascii(':');
    digits(sb, secs / 60 % 60, 2).ascii(':');
    digits(sb, secs % 60, 2);
    int nano = t.getNano();
    if (nano != 0) {
      sb.ascii('.');
      if (nano % 1_000_000 == 0) {
        digits(sb, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        digits(sb, nano / 1000, 6);
      } else {
        digits(sb, nano, 9);
      }
    }
    sb.ascii('Z');
  }

  static String format(Instant t) {
    JsonBytes sb = new JsonBytes(30);
    append(t, sb);
    return sb.asciiText();
  }

  /** {@code value} in exactly {@code width} decimal digits, zero-padded. */
  private static JsonBytes digits(JsonBytes sb, int value, int width) {
    int div = 1;
    for (int i = 1; i < width; i++) {
      div *= 10;
    }
    for (; div > 0; div /= 10) {
      sb.ascii((char) ('0' + value / div % 10));
    }
    return sb;
  }
}
