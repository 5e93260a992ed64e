package io.gordon.core.events;

import static io.gordon.core.events.JsonEventCodecTest.AUDIT;
import static io.gordon.core.events.JsonEventCodecTest.problems;
import static io.gordon.core.events.JsonEventCodecTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per validation rule, each asserting the exact message. */
class EventValidationMessagesTest {
  static final String TYPES = "A, AAAA, CNAME, MX, NS, PTR, SRV, TXT, CAA";
  static final String A = "\"name\":\"a.example.com.\",\"type\":\"A\",\"rrdatas\":[\"10.0.0.1\"]";

  @Test
  void aRecordSetTooLargeForOneDnsMessageIsRefusedAtItsRrdatas() {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      values.append(i == 0 ? "" : ",").append('"').append(i).append("w".repeat(7990)).append('"');
    }
    assertThat(
            problems(
                record(
                    "\"name\":\"big.example.com.\",\"type\":\"TXT\",\"rrdatas\":[" + values + "]")))
        .containsExactly(
            "resourceRecords.rrdatas: record set big.example.com./TXT takes 80350 octets on the"
                + " wire in 10 records (expected at most 63000: a DNS message holds 65535 octets,"
                + " and servers send an RRset whole in one)");
  }

  @Test
  void malformedJsonNamesThePosition() {
    assertThat(problems("{\"action\": }"))
        .containsExactly(
            "event: not valid JSON at line 1,"
                + " column 12: Unexpected character ('}' (code 125)): expected a valid value (JSON String, Number, Array, Object or token 'null',"
                + " 'true' or 'false')");
  }

  @Test
  void anEmptyDocumentIsRefused() {
    assertThat(problems("  "))
        .containsExactly(
            "event: the document is empty (expected a JSON object such as {\"action\": ...})");
  }

  @Test
  void aDocumentThatIsNotAnObjectIsRefused() {
    assertThat(problems("[1]"))
        .containsExactly(
            "event: [...] is an array (expected a JSON object such as {\"action\": ...})");
    assertThat(problems("null"))
        .containsExactly(
            "event: null is not allowed (expected a JSON object such as {\"action\": ...})");
  }

  @Test
  void duplicateFieldsAreRefused() {
    assertThat(problems("{\"action\":\"additions\",\"action\":\"deletions\"}"))
        .singleElement()
        .asString()
        .startsWith("event: not valid JSON at line 1, column 31: Duplicate field " + "'action'");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(
            problems(
                "{\"action\":\"add\",\"timestamp\":\"soon\",\"resourceRecords\":"
                    + "{\"name\":\"a..b\",\"type\":\"SPF\",\"ttl\":5,\"rrdatas\":[1]}}"))
        .containsExactly(
            "action: \"add\" is not an action (expected \"additions\" or \"deletions\")",
            "timestamp: \"soon\" is not a date-time (expected " + Timestamps.EXPECTED + ")",
            "resourceRecords.name: name \"a..b\" has an empty label",
            "resourceRecords.type: \"SPF\" is not a supported record type (expected one of "
                + TYPES
                + ")",
            "resourceRecords.ttl: 5 is below the minimum 60 (expected 60..86400)",
            "resourceRecords.rrdatas[0]: 1 is a number (expected a string)");
  }

  @Test
  void actionIsRequired() {
    assertThat(problems("{\"resourceRecords\":{" + A + "}}"))
        .containsExactly("action: missing (expected \"additions\" or \"deletions\")");
  }

  @Test
  void actionMustBeAString() {
    assertThat(problems("{\"action\":true,\"resourceRecords\":{" + A + "}}"))
        .containsExactly("action: true is a boolean (expected \"additions\" or \"deletions\")");
  }

  @Test
  void aBadTimestampIsNamed() {
    assertThat(
            problems("{\"action\":\"additions\",\"timestamp\":12,\"resourceRecords\":{" + A + "}}"))
        .containsExactly("timestamp: 12 is a number (expected " + Timestamps.EXPECTED + ")");
  }

  @Test
  void resourceRecordsAreRequired() {
    assertThat(problems("{\"action\":\"additions\"}"))
        .containsExactly(
            "resourceRecords: missing"
                + " (expected an object with name, type and rrdatas, or a list of them)");
  }

  @Test
  void resourceRecordsMustNotBeAnEmptyList() {
    assertThat(problems("{\"action\":\"additions\",\"resourceRecords\":[]}"))
        .containsExactly("resourceRecords: [] is empty (expected at least one record)");
  }

  @Test
  void aRecordMustBeAnObject() {
    assertThat(problems("{\"action\":\"additions\",\"resourceRecords\":[\"x\"]}"))
        .containsExactly(
            "resourceRecords[0]: \"x\" is a string (expected an object with name,"
                + " type and rrdatas)");
  }

  @Test
  void theSameNameAndTypeMayAppearOncePerEvent() {
    assertThat(problems("{\"action\":\"additions\",\"resourceRecords\":[{" + A + "},{" + A + "}]}"))
        .containsExactly(
            "resourceRecords[1]: a.example.com./A repeats "
                + "resourceRecords[0] (expected each name and type once per event)");
  }

  @Test
  void nameIsRequired() {
    assertThat(problems(record("\"type\":\"A\",\"rrdatas\":[\"10.0.0.1\"]")))
        .containsExactly(
            "resourceRecords.name: missing (expected a domain name such as www.example.com.)");
  }

  @Test
  void anEmptyNameIsRefused() {
    assertThat(problems(record("\"name\":\"\",\"type\":\"A\",\"rrdatas\":[\"10.0.0.1\"]")))
        .containsExactly(
            "resourceRecords.name: \"\" is empty (expected a domain name such as"
                + " www.example.com.)");
  }

  @Test
  void nameCharactersAreChecked() {
    assertThat(
            problems(
                record(
                    "\"name\":\"a b.example.com.\",\"type\":\"A\","
                        + "\"rrdatas\":[\"10.0.0.1\"]")))
        .containsExactly(
            "resourceRecords.name: name "
                + "\"a b.example.com.\" has the character ' ' in label \"a b\" (expected letters,"
                + " digits, '-' or '_')");
  }

  @Test
  void labelLengthIsChecked() {
    String label = "x".repeat(64);
    assertThat(
            problems(
                record(
                    "\"name\":\""
                        + label
                        + ".com.\",\"type\":\"A\","
                        + "\"rrdatas\":[\"10.0.0.1\"]")))
        .containsExactly(
            "resourceRecords.name: name \""
                + label
                + ".com.\" has a label of 64 characters (expected at most 63)");
  }

  @Test
  void nameLengthIsChecked() {
    String name = ("x".repeat(60) + ".").repeat(5);
    assertThat(
            problems(
                record("\"name\":\"" + name + "\",\"type\":\"A\"," + "\"rrdatas\":[\"10.0.0.1\"]")))
        .containsExactly(
            "resourceRecords.name: \""
                + name.substring(0, 99)
                + "...(307 characters) is too long (expected at most 253"
                + " characters without the final dot)");
  }

  @Test
  void typeIsRequired() {
    assertThat(problems(record("\"name\":\"a.example.com.\",\"rrdatas\":[\"10.0.0.1\"]")))
        .containsExactly("resourceRecords.type: missing (expected one of " + TYPES + ")");
  }

  @Test
  void soaIsRefusedBecauseGordonNeverEditsIt() {
    assertThat(
            problems(
                record(
                    "\"name\":\"example.com.\",\"type\":\"SOA\","
                        + "\"rrdatas\":[\"ns. h. 1 2 3 4 5\"]")))
        .containsExactly(
            "resourceRecords.type: \"SOA\""
                + " is refused: gordon never edits SOA records (expected one of "
                + TYPES
                + ")");
  }

  @Test
  void ttlBelowTheMinimumIsRefused() {
    assertThat(problems(record(A + ",\"ttl\":30")))
        .containsExactly("resourceRecords.ttl: 30 is below the minimum 60 (expected 60..86400)");
  }

  @Test
  void ttlAboveTheMaximumIsRefused() {
    assertThat(problems(record(A + ",\"ttl\":90000")))
        .containsExactly(
            "resourceRecords.ttl: 90000 is above the maximum 86400 (expected 60..86400)");
  }

  /** 1e400 is no double: it was refused as "event: Infinite or NaN" (acceptance pass). */
  @Test
  void aTtlBeyondEveryNumberIsRefusedNamingTheField() {
    assertThat(problems(record(A + ",\"ttl\":1e400")))
        .containsExactly(
            "resourceRecords.ttl: the number is too large to read (expected an integer 60..86400)");
    assertThat(problems(record(A + ",\"ttl\":-1e400")))
        .containsExactly(
            "resourceRecords.ttl: the number is too large to read (expected an integer 60..86400)");
  }

  @Test
  void ttlBoundsComeFromTheSettings() {
    JsonEventCodec codec =
        new JsonEventCodec(new io.gordon.core.config.CoreSettings.Events(5, 100));
    assertThat(codec.decodeAll(record(A + ",\"ttl\":101")).get(0).problems())
        .containsExactly("resourceRecords.ttl: 101 is above the maximum 100 (expected 5..100)");
  }

  @Test
  void ttlMustBeAWholeNumber() {
    assertThat(problems(record(A + ",\"ttl\":300.5")))
        .containsExactly(
            "resourceRecords.ttl: 300.5 is not a whole number (expected an integer 60..86400)");
    assertThat(problems(record(A + ",\"ttl\":\"300\"")))
        .containsExactly(
            "resourceRecords.ttl: \"300\" is a string (expected an integer 60..86400)");
  }

  @Test
  void rrdatasAreRequiredForAdditions() {
    assertThat(problems(record("\"name\":\"a.example.com.\",\"type\":\"A\"")))
        .containsExactly(
            "resourceRecords.rrdatas: missing (expected a list of record data strings, e.g."
                + " [\"192.0.2.1\"])");
    assertThat(problems(record("\"name\":\"a.example.com.\",\"type\":\"A\",\"rrdatas\":[]")))
        .containsExactly(
            "resourceRecords.rrdatas: [] is empty (expected at least one value;"
                + " only a deletion may omit them to remove the whole record set)");
  }

  @Test
  void rrdatasMustBeAList() {
    assertThat(
            problems(
                record("\"name\":\"a.example.com.\",\"type\":\"A\"," + "\"rrdatas\":\"10.0.0.1\"")))
        .containsExactly(
            "resourceRecords.rrdatas: \"10.0.0.1\""
                + " is a string (expected a list of record data strings, e.g. [\"192.0.2.1\"])");
  }

  @Test
  void rrdatasMustBeUnique() {
    assertThat(
            problems(
                record(
                    "\"name\":\"a.example.com.\",\"type\":\"A\","
                        + "\"rrdatas\":[\"10.0.0.1\",\"10.0.0.1\"]")))
        .containsExactly(
            "resourceRecords.rrdatas[1]: \"10.0.0.1\" repeats rrdatas[0] (expected unique"
                + " values)");
  }

  @Test
  void anARecordMustHoldAnIpv4Address() {
    assertThat(
            problems(
                record(
                    "\"name\":\"a.example.com.\",\"type\":\"A\","
                        + "\"rrdatas\":[\"10.0.0.256\"]")))
        .containsExactly(
            "resourceRecords.rrdatas[0]: A"
                + " rdata \"10.0.0.256\" is not an IPv4 address (expected four numbers 0-255, e.g."
                + " 192.0.2.1)");
  }

  @Test
  void anMxRecordMustHoldAPreferenceAndAHost() {
    assertThat(
            problems(
                record(
                    "\"name\":\"a.example.com.\",\"type\":\"MX\","
                        + "\"rrdatas\":[\"mail.example.com.\"]")))
        .containsExactly(
            "resourceRecords.rrdatas[0]:"
                + " MX rdata \"mail.example.com.\" must be a preference and a host (e.g. \"10"
                + " mail.example.com.\")");
  }

  @Test
  void aCnameHoldsExactlyOneValue() {
    assertThat(
            problems(
                record(
                    "\"name\":\"a.example.com.\",\"type\":\"CNAME\","
                        + "\"rrdatas\":[\"b.example.com.\",\"c.example.com.\"]")))
        .containsExactly(
            "resourceRecords.rrdatas: a CNAME holds exactly one value but 2 were given");
  }

  @Test
  void overlongRdataIsRefusedWithoutEchoingIt() {
    String big = "x".repeat(9000);
    assertThat(
            problems(
                record(
                    "\"name\":\"a.example.com.\",\"type\":\"TXT\","
                        + "\"rrdatas\":[\""
                        + big
                        + "\"]")))
        .containsExactly(
            "resourceRecords.rrdatas[0]: \""
                + "x".repeat(99)
                + "...(9002 characters) is too long (expected at most 8192"
                + " characters)");
  }

  @Test
  void idMustBeAShortToken() {
    assertThat(
            problems("{\"id\":\"a b\",\"action\":\"additions\",\"resourceRecords\":{" + A + "}}"))
        .containsExactly(
            "id: \"a b\" is not a valid id (expected 1 to 128 letters,"
                + " digits or . _ : @ -, starting with a letter or digit)");
    assertThat(problems("{\"id\":7,\"action\":\"additions\",\"resourceRecords\":{" + A + "}}"))
        .containsExactly("id: 7 is a number (expected a string)");
  }

  @Test
  void auditLogMethodMustBeInsertOrDelete() {
    assertThat(problems(AUDIT.replace("%M", "v1.compute.instances.stop")))
        .containsExactly(
            "protoPayload.methodName: \"v1.compute.instances.stop\" is not handled (expected"
                + " \"v1.compute.instances.insert\" or \"v1.compute.instances.delete\")");
  }

  @Test
  void auditLogResourceMustBeAnInstance() {
    assertThat(
            problems(
                AUDIT
                    .replace("%M", "v1.compute.instances.insert")
                    .replace("projects/123456789101/zones", "projects/X/zones")))
        .containsExactly(
            "protoPayload.resourceName: \"projects/X/zones/us-central1-c/instances/an-instance"
                + "-name-b45c\" is not a GCE instance (expected projects/<project>/zones/"
                + "<zone>/instances/<name>)");
  }

  @Test
  void auditLogNameMustBeTheActivityLog() {
    assertThat(
            problems(
                AUDIT
                    .replace("%M", "v1.compute.instances.insert")
                    .replace("%2Factivity", "%2Fdata_access")))
        .containsExactly(
            "logName: \"projects/"
                + "some-project/logs/cloudaudit.googleapis.com%2Fdata_access\" is not an activity"
                + " audit log (expected projects/<project-id>/logs/cloudaudit.googleapis.com"
                + "%2Factivity)");
  }

  @Test
  void auditLogPayloadIsRequired() {
    assertThat(
            problems(
                "{\"logName\":\"projects/some-project/logs/cloudaudit.googleapis.com"
                    + "%2Factivity\"}"))
        .containsExactly(
            "protoPayload: missing (expected an object with methodName and resourceName)");
  }
}
