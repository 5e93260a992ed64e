package io.gordon.api.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner marker of one RRset: a TXT RRset that says which gordon owns the RRset, written in the
 * same atomic change as the record and removed with it.
 *
 * <p><b>Name.</b> The marker is a sibling of the record, never a child (a child would sit under a
 * CNAME or a delegation): record {@code <first>.<rest>} in zone Z has the marker {@code
 * _gordon-<type>-<first>.<rest>}, and the apex Z itself has {@code _gordon-<type>.Z}, the type in
 * lower case. When that first label would exceed 63 octets, or the name 253 characters, the first
 * label is {@code _gordon-<type>-h} followed by the first 26 characters of the lower case base32
 * SHA-256 of the record's first label. Examples: {@code www.example.com. A} has {@code
 * _gordon-a-www.example.com.}; {@code *.example.com. A} has {@code _gordon-a-*.example.com.}. Names
 * whose first label starts with {@code _gordon-} are reserved for markers (see {@link
 * #isReserved}).
 *
 * <p><b>Content.</b> The text {@code heritage=gordon,owner=<owner id>,record=<record
 * name>,type=<TYPE>,v=1}; the record name and type make hashed marker names reversible. It is one
 * TXT string when it fits in one (255 characters); a longer text (a record name of about 200
 * characters or more) is cut into strings of 255 characters, the last shorter, in one TXT record,
 * and read back by joining them, as TXT strings are read. {@link #parse} accepts exactly this form.
 *
 * @param ownerId the owner id, {@code [a-z0-9][a-z0-9._-]{0,62}}
 * @param record the owned RRset's absolute, lower-case name
 * @param type the owned RRset's type
 */
public record OwnerMarker(String ownerId, String record, RecordType type) {
  /** The prefix of every marker's first label. */
  public static final String PREFIX = "_gordon-";

  /** The rule an owner id follows. */
  public static final Pattern OWNER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private static final Pattern CONTENT =
      Pattern.compile("heritage=gordon,owner=([^,]*),record=([^,]*),type=([^,]*),v=1");
  private static final int HASH_CHARS = 26;

  /** Validates the fields and normalises the record name. */
  public OwnerMarker {
    checkOwnerId(ownerId);
    record = DnsNames.normalize(record);
    Objects.requireNonNull(type, "type == null");
  }

  /**
   * Checks an owner id against {@link #OWNER_ID}.
   *
   * @throws IllegalArgumentException naming the value and the rule
   */
  public static String checkOwnerId(String ownerId) {
    if (ownerId == null || !OWNER_ID.matcher(ownerId).matches()) {
      throw new IllegalArgumentException(
          "owner id \""
              + ownerId
              + "\" is invalid (expected a"
              + " lower-case letter or digit, then up to 62 of a-z, 0-9, '.', '_', '-')");
    }
    return ownerId;
  }

  /** The marker's TXT string, without quotes. */
  public String content() {
    return "heritage=gordon,owner=" + ownerId + ",record=" + record + ",type=" + type + ",v=1";
  }

  /**
   * The marker's rdata in canonical TXT presentation form: one quoted string, or, when the content
   * is longer than a TXT string can be, quoted strings of 255 characters separated by one space.
   */
  public String rdata() {
    String content = content();
    // the common case without Rdata's parse (this runs per claimed change); longer text is cut
    // into strings of 255 and quoted as every TXT value is
    return content.length() <= 255 ? "\"" + content + "\"" : Txt.canonical(content);
  }

  /** The marker's name for its record in {@code zone}; see {@link #nameFor}. */
  public String name(String zone) {
    return nameFor(record, type, zone);
  }

  /** The marker as a TXT record set with {@code ttl}, in {@code zone}. */
  public RecordSet recordSet(String zone, int ttl) {
    return RecordSet.of(name(zone), RecordType.TXT, ttl, rdata());
  }

  /**
   * The marker name of RRset {@code record}/{@code type} in {@code zone}, per the scheme in the
   * class description.
   *
   * @throws IllegalArgumentException when the record is not in the zone, is itself a marker name,
   *     or leaves no room for a marker name within 253 characters
   */
  public static String nameFor(String record, RecordType type, String zone) {
    String r = DnsNames.normalize(record);
    String z = DnsNames.normalize(zone);
    Objects.requireNonNull(type, "type == null");
    if (!DnsNames.isInZone(r, z)) {
      throw new IllegalArgumentException("record " + r + " is not in zone " + z);
    }
    if (isReserved(r)) {
      throw new IllegalArgumentException(
          "record "
              + r
              + " is a marker name (names starting "
              + "with "
              + PREFIX
              + " are reserved)");
    }
    String t = type.name().toLowerCase(Locale.ROOT);
    if (r.equals(z)) {
      return PREFIX + t + "." + z;
    }
    int dot = r.indexOf('.');
    String first = r.substring(0, dot);
    String rest = r.substring(dot + 1);
    String label = PREFIX + t + "-" + first;
    if (label.length() > DnsNames.MAX_LABEL_LENGTH
        || label.length() + 1 + rest.length() - 1 > DnsNames.MAX_NAME_LENGTH) {
      label = PREFIX + t + "-h" + base32Sha256(first).substring(0, HASH_CHARS);
    }
    String name = label + "." + rest;
    if (name.length() - 1 > DnsNames.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "record "
              + r
              + " is too long for a marker name "
              + name
              + " (expected at most "
              + DnsNames.MAX_NAME_LENGTH
              + " characters)");
    }
    return name;
  }

  /** Whether the first label of {@code name} starts with {@code _gordon-} (a marker name). */
  public static boolean isReserved(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).startsWith(PREFIX);
  }

  /**
   * Parses one TXT rdata as a marker: the quoted canonical form (one string, or several joined, as
   * {@link #rdata} writes a long content) or the bare string. Strict: anything other than exactly
   * the documented content (field order, {@code v=1}, a valid owner id, record name and type) gives
   * empty.
   */
  public static Optional<OwnerMarker> parse(String rdata) {
    if (rdata == null) {
      return Optional.empty();
    }
    return (rdata.startsWith("\"") ? joined(rdata) : Optional.of(rdata)).flatMap(OwnerMarker::read);
  }

  private static Optional<OwnerMarker> read(String s) {
    Matcher m = CONTENT.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      OwnerMarker marker = new OwnerMarker(m.group(1), m.group(2), RecordType.parse(m.group(3)));
      return marker.content().equals(s) ? Optional.of(marker) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The strings of quoted TXT rdata joined, or empty when it is not TXT presentation text. */
  private static Optional<String> joined(String rdata) {
    List<byte[]> strings;
    try {
      strings = Txt.parse("TXT", rdata, true);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(rdata.length());
    strings.forEach(out::writeBytes);
    return Optional.of(out.toString(StandardCharsets.UTF_8));
  }

  private static String base32Sha256(String text) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : digest) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }
}
