package io.gordon.testing.contract;

import static io.gordon.testing.contract.ContractAssertions.assertApplied;
import static io.gordon.testing.contract.ContractAssertions.assertSameRrset;
import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Odd but legal data survives the round trip through every provider: what is applied is what {@link
 * #read} and {@code list} give back, field by field, whatever the backend (a zone file, BIND, Knot,
 * Cloud DNS). The fifth acceptance pass compared the three local backends with {@code dig} by hand
 * and found them equal; these cases keep them so.
 */
public abstract class DataFidelityContractTest extends PublisherContractTest {

  private void assertRoundTrip(Change.Replace change) {
    assertApplied(applyOne(change));
    assertSameRrset(read(change.name(), change.type()), change.records());
    Optional<RecordSet> listed =
        provider().list(zone()).stream()
            .filter(r -> r.name().equals(change.name()) && r.type() == change.type())
            .findFirst();
    assertSameRrset(listed, change.records());
  }

  @Test
  void txtWithEveryKindOfOddCharacterRoundTrips() {
    assertRoundTrip(
        replace(
            name("odd-txt"),
            RecordType.TXT,
            300,
            "\"a \\\"quoted\\\" word\" \"back\\\\slash\" \"semi;colon\" \"$dollar\" \"(paren)\"",
            "\"caf\u00e9 \u2603\"",
            "\"\"",
            "\"\\000\\010\\255\"",
            "x".repeat(300),
            "y".repeat(4600)));
  }

  @Test
  void ipv6InEveryLegalSpellingRoundTripsAsOneCanonicalRecordEach() {
    String n = name("aaaa");
    Change.Replace change =
        replace(
            n,
            RecordType.AAAA,
            300,
            "2001:DB8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001",
            "::ffff:1.2.3.4",
            "::",
            "2001:db8:0:0:1:0:0:1");
    assertThat(change.records().rdata()).hasSize(4);
    assertRoundTrip(change);
  }

  @Test
  void mxAndSrvAtTheirLimitsAndWithTheRootAsTargetRoundTrip() {
    String target = name("target");
    // an in-zone target with an address: BIND's check-integrity refuses an MX or SRV without
    assertApplied(applyOne(replace(target, RecordType.A, 300, "192.0.2.8")));
    assertRoundTrip(replace(name("mx"), RecordType.MX, 300, "0 .", "65535 " + target));
    assertRoundTrip(
        replace(name("srv"), RecordType.SRV, 300, "0 0 0 .", "65535 65535 65535 " + target));
  }

  @Test
  void wildcardUnderscoreAndLongestLabelNamesRoundTrip() {
    assertRoundTrip(replace("*." + name("wild"), RecordType.A, 300, "192.0.2.1"));
    assertRoundTrip(replace("_sip._tcp." + name("srvname"), RecordType.SRV, 300, "1 2 5060 ."));
    String label = name("l");
    label = label.substring(0, label.indexOf('.'));
    assertRoundTrip(
        replace(
            label + "x".repeat(63 - label.length()) + "." + zone(),
            RecordType.A,
            300,
            "192.0.2.2"));
  }

  @Test
  void aNameOfTheLongestLengthRoundTrips() {
    String n = name("n253");
    while (n.length() - 1 + 64 <= DnsNames.MAX_NAME_LENGTH) {
      n = "c".repeat(63) + "." + n;
    }
    n = "d".repeat(DnsNames.MAX_NAME_LENGTH - n.length()) + "." + n;
    assertThat(n.length() - 1).isEqualTo(DnsNames.MAX_NAME_LENGTH);
    assertRoundTrip(replace(n, RecordType.A, 300, "192.0.2.3"));
  }

  @Test
  void theExtremeTtlsRoundTrip() {
    assertRoundTrip(replace(name("ttl0"), RecordType.A, 0, "192.0.2.4"));
    assertRoundTrip(replace(name("ttlmax"), RecordType.A, RecordSet.MAX_TTL, "192.0.2.4"));
  }

  @Test
  void aReplacementThatChangesOnlyTheTtlIsApplied() {
    String n = name("ttlonly");
    assertRoundTrip(replace(n, RecordType.A, 300, "192.0.2.5", "192.0.2.6"));
    assertRoundTrip(replace(n, RecordType.A, 600, "192.0.2.6", "192.0.2.5"));
    assertThat(read(n, RecordType.A).orElseThrow().ttl()).hasValue(600);
  }

  @Test
  void anUpperCaseNameIsTheSameRrsetAsItsLowerCaseSpelling() {
    String n = name("case");
    assertRoundTrip(replace(n.toUpperCase(Locale.ROOT), RecordType.A, 300, "192.0.2.7"));
    assertThat(read(n, RecordType.A)).isPresent();
    assertApplied(applyOne(remove(n.toUpperCase(Locale.ROOT), RecordType.A)));
    assertThat(read(n, RecordType.A)).isEmpty();
    assertThat(provider().list(zone())).noneMatch(r -> r.name().equals(n));
  }
}
