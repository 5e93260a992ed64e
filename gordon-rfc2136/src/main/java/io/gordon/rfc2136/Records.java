package io.gordon.rfc2136;

import io.gordon.api.model.Rdata;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Conversions between gordon's {@link RecordSet} and dnsjava records. */
final class Records {
  private Records() {}

  static Name name(String absolute) {
    try {
      return Name.fromString(absolute);
    } catch (TextParseException e) {
      throw new IllegalArgumentException(
          "\"" + absolute + "\" is not a DNS name: " + e.getMessage(), e);
    }
  }

  static int type(RecordType type) {
    return Type.value(type.name());
  }

  /** One dnsjava record per rdata of {@code rrset}, in class IN with {@code ttl}. */
  static List<Record> toRecords(String owner, RecordType type, long ttl, List<String> rdata) {
    return toRecords(name(owner), type, ttl, rdata);
  }

  /** The same with the owner's name already parsed (a parse costs more than the record). */
  static List<Record> toRecords(Name n, RecordType type, long ttl, List<String> rdata) {
    List<Record> out = new ArrayList<>(rdata.size());
    for (String r : rdata) {
      try {
        Optional<Record> fast = fast(n, type, ttl, r);
        out.add(
            fast.isPresent()
                ? fast.get()
                : Record.fromString(n, type(type), DClass.IN, ttl, r, Name.root));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            type + " rdata \"" + r + "\" of " + n + " cannot be encoded: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Builds the most common records without dnsjava's tokenizer, which costs a third of the CPU of a
   * large batch; the rdata are already canonical (see {@link io.gordon.api.model.Rdata}).
   */
  private static Optional<Record> fast(Name n, RecordType type, long ttl, String rdata)
      throws IOException {
    return switch (type) {
      case A ->
          Optional.of(
              new ARecord(
                  n,
                  DClass.IN,
                  ttl,
                  InetAddress.getByAddress(Address.toByteArray(rdata, Address.IPv4))));
      case AAAA ->
          Optional.of(
              new AAAARecord(
                  n,
                  DClass.IN,
                  ttl,
                  InetAddress.getByAddress(Address.toByteArray(rdata, Address.IPv6))));
      case CNAME -> Optional.of(new CNAMERecord(n, DClass.IN, ttl, Name.fromString(rdata)));
      case TXT -> plainString(rdata).map(s -> new TXTRecord(n, DClass.IN, ttl, s));
      default -> Optional.empty();
    };
  }

  /**
   * The text of TXT rdata that is one quoted string of printable ASCII without escapes or quotes
   * inside (every owner marker), which needs no tokenizer: the tokenizer was the provider's largest
   * CPU cost for claimed changes (issue 11, docs/benchmarks.md).
   */
  static Optional<String> plainString(String rdata) {
    int n = rdata.length();
    if (n < 2 || n - 2 > 255 || rdata.charAt(0) != '"' || rdata.charAt(n - 1) != '"') {
      return Optional.empty();
    }
    for (int i = 1; i < n - 1; i++) {
      char c = rdata.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return Optional.empty();
      }
    }
    return Optional.of(rdata.substring(1, n - 1));
  }

  /** The records of {@code rrset} with its TTL, or {@code defaultTtl}. */
  static List<Record> toRecords(RecordSet rrset, int defaultTtl) {
    return toRecords(rrset.name(), rrset.type(), rrset.ttlOr(defaultTtl), rrset.rdata());
  }

  /** The gordon type of a dnsjava type, if gordon manages it. */
  static Optional<RecordType> recordType(int type) {
    try {
      return Optional.of(RecordType.valueOf(Type.string(type)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Groups records into RRsets (name + type), keeping the first TTL seen; skips other types. */
  static List<RecordSet> group(List<Record> records) {
    Map<String, List<Record>> byKey = new LinkedHashMap<>();
    for (Record r : records) {
      if (recordType(r.getType()).isPresent()) {
        String key = r.getName().toString().toLowerCase(Locale.ROOT) + "/" + r.getType();
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }
    return byKey.values().stream().map(Records::toRecordSet).toList();
  }

  /** One RRset from records of one name and type. */
  static RecordSet toRecordSet(List<Record> rrs) {
    Record first = rrs.get(0);
    RecordType type = recordType(first.getType()).orElseThrow();
    List<String> rdata = rrs.stream().map(Records::rdata).toList();
    return new RecordSet(
        first.getName().toString(),
        type,
        OptionalInt.of((int) Math.min(Integer.MAX_VALUE, first.getTTL())),
        rdata);
  }

  /** A copy of {@code r} in class {@code dclass} with TTL 0 (for deletions of one RR). */
  static Record withClass(Record r, int dclass) {
    return Record.newRecord(r.getName(), r.getType(), dclass, 0, r.rdataToWireCanonical());
  }

  /**
   * The presentation form of {@code r}'s rdata. TXT strings are always quoted: dnsjava leaves a
   * string without spaces unquoted, which would read as a single-string value.
   */
  static String rdata(Record r) {
    if (r instanceof TXTRecord txt) {
      return Rdata.txt(txt.getStringsAsByteArrays());
    }
    return r.rdataToString();
  }
}
