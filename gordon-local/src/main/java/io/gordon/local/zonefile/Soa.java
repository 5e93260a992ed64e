package io.gordon.local.zonefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The SOA record of a zone file. gordon never takes SOA data from events; it only increases the
 * serial on every write.
 *
 * @param ttl TTL of the SOA record
 * @param mname primary name server, absolute
 * @param rname responsible mailbox in DNS form, absolute
 * @param serial serial number (32-bit unsigned)
 * @param refresh secondary refresh interval, seconds
 * @param retry secondary retry interval, seconds
 * @param expire secondary expiry, seconds
 * @param minimum negative-caching TTL, seconds
 */
record Soa(
    long ttl,
    String mname,
    String rname,
    long serial,
    long refresh,
    long retry,
    long expire,
    long minimum) {

  /** The next serial: at least one more than the last, and at least today's YYYYMMDD00. */
  static long nextSerial(long previous, Clock clock) {
    LocalDate d = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    long dated = (d.getYear() * 10000L + d.getMonthValue() * 100L + d.getDayOfMonth()) * 100;
    return Math.max((previous + 1) & 0xffffffffL, dated);
  }

  /** A copy with another serial. */
  Soa withSerial(long next) {
    return new Soa(ttl, mname, rname, next, refresh, retry, expire, minimum);
  }

  /** The rdata in presentation form. */
  String rdata() {
    return mname + " " + rname + " " + serial + " " + refresh + " " + retry + " " + expire + " "
        + minimum;
  }
}
