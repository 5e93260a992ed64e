package io.gordon.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerMarkerTest {
  private static final String ZONE = "example.com.";

  @Test
  void markerIsASiblingNamedAfterTypeAndFirstLabel() {
    assertThat(OwnerMarker.nameFor("www.example.com.", RecordType.A, ZONE))
        .isEqualTo("_gordon-a-www.example.com.");
    assertThat(OwnerMarker.nameFor("A.B.Example.com", RecordType.CNAME, ZONE))
        .isEqualTo("_gordon-cname-a.b.example.com.");
  }

  @Test
  void apexMarkerCarriesOnlyTheType() {
    assertThat(OwnerMarker.nameFor("example.com.", RecordType.MX, ZONE))
        .isEqualTo("_gordon-mx.example.com.");
  }

  @Test
  void wildcardMarkerKeepsTheStarAndIsAValidRecordName() {
    String name = OwnerMarker.nameFor("*.example.com.", RecordType.A, ZONE);
    assertThat(name).isEqualTo("_gordon-a-*.example.com.");
    assertThat(RecordSet.of(name, RecordType.TXT, 60, "x").name()).isEqualTo(name);
  }

  @Test
  void starInsideAnOrdinaryLabelIsStillRefused() {
    assertThatThrownBy(() -> DnsNames.normalize("a-*.example.com."))
        .hasMessage(
            "name \"a-*.example.com.\" has the character '*' in label \"a-*\""
                + " (expected letters, digits, '-' or '_')");
  }

  @Test
  void firstLabelOver63OctetsIsReplacedByAHashOfTheRecordsFirstLabel() {
    String first = "a".repeat(60);
    String name = OwnerMarker.nameFor(first + ".example.com.", RecordType.AAAA, ZONE);
    String label = name.substring(0, name.indexOf('.'));
    assertThat(label).matches("_gordon-aaaa-h[a-z2-7]{26}");
    assertThat(name).endsWith(".example.com.");
    assertThat(OwnerMarker.nameFor(first + ".example.com.", RecordType.AAAA, ZONE)).isEqualTo(name);
    assertThat(OwnerMarker.nameFor("b".repeat(60) + ".example.com.", RecordType.AAAA, ZONE))
        .isNotEqualTo(name);
  }

  @Test
  void hashIsTheLowerCaseBase32OfTheSha256OfTheFirstLabel() {
    // python3: base64.b32encode(hashlib.sha256(b'a'*63).digest()).lower()[:26]
    assertThat(OwnerMarker.nameFor("a".repeat(63) + ".example.com.", RecordType.A, ZONE))
        .isEqualTo("_gordon-a-hpu7hjic5pwyvxtsk3hwamwhktd.example.com.");
  }

  @Test
  void labelOfExactly63OctetsIsNotHashed() {
    String first = "c".repeat(63 - "_gordon-a-".length());
    assertThat(OwnerMarker.nameFor(first + ".example.com.", RecordType.A, ZONE))
        .isEqualTo("_gordon-a-" + first + ".example.com.");
  }

  @Test
  void recordOutsideTheZoneIsRefused() {
    assertThatThrownBy(() -> OwnerMarker.nameFor("www.other.org.", RecordType.A, ZONE))
        .hasMessage("record www.other.org. is not in zone example.com.");
  }

  @Test
  void markerNamesAreReservedAndHaveNoMarker() {
    assertThat(OwnerMarker.isReserved("_gordon-a-www.example.com.")).isTrue();
    assertThat(OwnerMarker.isReserved("_GORDON-x.example.com.")).isTrue();
    assertThat(OwnerMarker.isReserved("www._gordon-a.example.com.")).isFalse();
    assertThatThrownBy(
            () -> OwnerMarker.nameFor("_gordon-a-www.example.com.", RecordType.TXT, ZONE))
        .hasMessage(
            "record _gordon-a-www.example.com. is a marker name"
                + " (names starting with _gordon- are reserved)");
  }

  @Test
  void contentNamesOwnerRecordAndType() {
    OwnerMarker m = new OwnerMarker("team-b", "WWW.example.com", RecordType.A);
    assertThat(m.content())
        .isEqualTo("heritage=gordon,owner=team-b,record=www.example.com.,type=A,v=1");
    assertThat(m.rdata())
        .isEqualTo("\"heritage=gordon,owner=team-b,record=www.example.com.,type=A,v=1\"");
    assertThat(m.recordSet(ZONE, 300))
        .isEqualTo(RecordSet.of("_gordon-a-www.example.com.", RecordType.TXT, 300, m.rdata()));
  }

  @Test
  void parseReadsBackWhatWasWrittenQuotedOrBare() {
    OwnerMarker m = new OwnerMarker("gordon", "*.example.com.", RecordType.CNAME);
    assertThat(OwnerMarker.parse(m.rdata())).contains(m);
    assertThat(OwnerMarker.parse(m.content())).contains(m);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "v=spf1 -all",
        "heritage=gordon,owner=gordon,record=www.example.com.,type=A,v=2",
        "heritage=gordon,owner=gordon,record=www.example.com.,type=A,v=1,extra=1",
        "heritage=gordon,owner=Gordon,record=www.example.com.,type=A,v=1",
        "heritage=gordon,owner=gordon,record=www.example.com,type=A,v=1",
        "heritage=gordon,owner=gordon,record=WWW.example.com.,type=A,v=1",
        "heritage=gordon,owner=gordon,record=www.example.com.,type=a,v=1",
        "heritage=gordon,owner=gordon,record=www.example.com.,type=SOA,v=1",
        "owner=gordon,heritage=gordon,record=www.example.com.,type=A,v=1",
        "heritage=external-dns,owner=gordon,record=www.example.com.,type=A,v=1",
        "\"heritage=gordon,owner=gordon,record=www.example.com.,type=A,v=1\" \"x\"",
        " heritage=gordon,owner=gordon,record=www.example.com.,type=A,v=1"
      })
  void parseIsStrict(String text) {
    assertThat(OwnerMarker.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-a", "A", "a b", "a/b"})
  void ownerIdsOutsideTheRuleAreRefused(String id) {
    assertThatThrownBy(() -> OwnerMarker.checkOwnerId(id))
        .hasMessage(
            "owner id \""
                + id
                + "\" is invalid (expected a lower-case letter or digit,"
                + " then up to 62 of a-z, 0-9, '.', '_', '-')");
  }

  @Test
  void contentLongerThanOneTxtStringIsCutIntoStringsOf255AndReadBackJoined() {
    String record = ("l".repeat(60) + ".").repeat(3) + "x".repeat(40) + ".example.com.";
    OwnerMarker m = new OwnerMarker("gordon", record, RecordType.A);
    String content = m.content();
    assertThat(content).hasSize(283);
    assertThat(m.rdata())
        .isEqualTo("\"" + content.substring(0, 255) + "\" \"" + content.substring(255) + "\"");
    assertThat(OwnerMarker.parse(m.rdata())).contains(m);
  }

  @Test
  void contentOfExactly255CharactersStaysOneString() {
    String prefix = "heritage=gordon,owner=gordon,record=";
    String suffix = ".example.com.,type=A,v=1";
    String first = ("y".repeat(60) + ".").repeat(3) + "y".repeat(12);
    assertThat(prefix.length() + first.length() + suffix.length()).isEqualTo(255);
    String record = first + ".example.com.";
    OwnerMarker m = new OwnerMarker("gordon", record, RecordType.A);
    assertThat(m.content()).hasSize(255);
    assertThat(m.rdata()).isEqualTo("\"" + m.content() + "\"");
  }

  @Test
  void joinedStringsAreReadWhereverTheyAreCutButEscapesAndStrayTextAreNot() {
    OwnerMarker m = new OwnerMarker("gordon", "www.example.com.", RecordType.A);
    String c = m.content();
    assertThat(OwnerMarker.parse("\"" + c.substring(0, 9) + "\"  \"" + c.substring(9) + "\""))
        .contains(m);
    assertThat(OwnerMarker.parse("\"" + c.substring(0, 9) + "\" x \"" + c.substring(9) + "\""))
        .isEmpty();
    assertThat(OwnerMarker.parse("\"" + c.substring(0, 9) + "\\\" \"" + c.substring(9) + "\""))
        .isEmpty();
    assertThat(OwnerMarker.parse("\"" + c)).isEmpty();
  }

  @Test
  void ownerIdOf63CharactersIsAcceptedAnd64Refused() {
    assertThat(OwnerMarker.checkOwnerId("a".repeat(63))).hasSize(63);
    assertThatThrownBy(() -> OwnerMarker.checkOwnerId("a".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
