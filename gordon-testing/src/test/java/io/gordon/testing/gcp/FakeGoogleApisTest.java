package io.gordon.testing.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gordon.testing.gcp.FakeGoogleApis.Route;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeGoogleApisTest {
  private static final String BASE = "dns/v1/projects/p1/managedZones/example-com";
  private static FakeGoogleApis api;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private static int zoneSeq;
  private String zone;

  @BeforeAll
  static void startFake() {
    api = FakeGoogleApis.start();
  }

  @AfterAll
  static void stopFake() {
    api.close();
  }

  @BeforeEach
  void freshZone() {
    zone = "z" + (++zoneSeq) + "-com";
    api.dns().addZone("p1", zone, "z" + zoneSeq + ".com.");
    api.reset();
  }

  private String base() {
    return "dns/v1/projects/p1/managedZones/" + zone;
  }

  private String dn() {
    return zone.replace("-com", ".com.");
  }

  record Answer(int status, JsonNode body) {}

  private Answer call(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.rootUrl() + path));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), JSON.readTree(r.body()));
  }

  private String add(String name, String type, int ttl, String... data) {
    return rr(name, type, ttl, data);
  }

  private static String rr(String name, String type, int ttl, String... data) {
    StringBuilder sb =
        new StringBuilder(
            "{\"name\":\""
                + name
                + "\",\"type\":\""
                + type
                + "\",\"ttl\":"
                + ttl
                + ",\"rrdatas\":[");
    for (int i = 0; i < data.length; i++) {
      sb.append(i > 0 ? "," : "").append(JSON.valueToTree(data[i]).toString());
    }
    return sb.append("]}").toString();
  }

  private Answer change(String additions, String deletions) throws Exception {
    return call(
        "POST",
        base() + "/changes",
        "{\"additions\":[" + additions + "],\"deletions\":[" + deletions + "]}");
  }

  @Test
  void newZoneHoldsApexSoaAndNs() throws Exception {
    Answer a = call("GET", base() + "/rrsets", null);
    assertThat(a.body().path("rrsets"))
        .extracting(n -> n.path("type").asText())
        .containsExactly("NS", "SOA");
    assertThat(a.body().path("kind").asText()).isEqualTo("dns#resourceRecordSetsListResponse");
  }

  @Test
  void changeIsPendingThenDoneOnTheNextGet() throws Exception {
    Answer created = change(add("www." + dn(), "A", 300, "192.0.2.1"), "");
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.body().path("status").asText()).isEqualTo("pending");
    String id = created.body().path("id").asText();
    Answer got = call("GET", base() + "/changes/" + id, null);
    assertThat(got.body().path("status").asText()).isEqualTo("done");
    assertThat(api.dns().rrset("p1", zone, "www." + dn(), "A"))
        .contains(FakeRrset.of("www." + dn(), "A", 300, "192.0.2.1"));
  }

  @Test
  void changesCanStayPendingForSeveralGets() throws Exception {
    api.dns().changesStayPendingFor(2);
    try {
      String id = change(add("p." + dn(), "A", 300, "192.0.2.1"), "").body().path("id").asText();
      List<String> states = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        states.add(call("GET", base() + "/changes/" + id, null).body().path("status").asText());
      }
      assertThat(states).containsExactly("pending", "pending", "done");
    } finally {
      api.dns().changesStayPendingFor(0);
    }
  }

  @Test
  void additionOfAnExistingRrsetIsRefusedWith409InGoogleFormat() throws Exception {
    api.dns().put("p1", zone, FakeRrset.of("dup." + dn(), "A", 300, "192.0.2.1"));
    Answer a = change(add("dup." + dn(), "A", 300, "192.0.2.2"), "");
    assertThat(a.status()).isEqualTo(409);
    String msg =
        "The resource 'entity.change.additions[0]' named 'dup." + dn() + " (A)' already exists";
    assertThat(a.body().toString())
        .isEqualTo(
            "{\"error\":{\"code\":409,\"message\":\""
                + msg
                + "\",\"errors\":[{\"message\":\""
                + msg
                + "\",\"domain\":\"global\",\"reason\":\"alreadyExists\"}]}}");
  }

  @Test
  void deletionThatDiffersInTtlIs412AndNothingIsApplied() throws Exception {
    api.dns().put("p1", zone, FakeRrset.of("t." + dn(), "A", 30, "192.0.2.1"));
    Answer a =
        change(add("other." + dn(), "A", 300, "192.0.2.9"), rr("t." + dn(), "A", 300, "192.0.2.1"));
    assertThat(a.status()).isEqualTo(412);
    assertThat(a.body().path("error").path("errors").get(0).path("reason").asText())
        .isEqualTo("conditionNotMet");
    assertThat(a.body().path("error").path("message").asText())
        .isEqualTo("Precondition not met for 'entity.change.deletions[0]'");
    assertThat(api.dns().rrset("p1", zone, "other." + dn(), "A")).isEmpty();
    assertThat(api.dns().rrset("p1", zone, "t." + dn(), "A")).isPresent();
  }

  @Test
  void deletionOfAMissingRrsetIs404AndEveryProblemIsListed() throws Exception {
    api.dns().put("p1", zone, FakeRrset.of("x." + dn(), "A", 300, "192.0.2.1"));
    Answer a =
        change(
            "",
            rr("x." + dn(), "A", 300, "192.0.2.2")
                + ","
                + rr("gone." + dn(), "A", 300, "192.0.2.1"));
    assertThat(a.status()).isEqualTo(412);
    assertThat(a.body().path("error").path("errors"))
        .extracting(n -> n.path("reason").asText())
        .containsExactly("conditionNotMet", "notFound");
    assertThat(a.body().path("error").path("errors").get(1).path("message").asText())
        .isEqualTo(
            "The 'entity.change.deletions[1]' resource named 'gone."
                + dn()
                + " (A)' does not exist.");
  }

  @Test
  void deletionPlusAdditionReplacesAtomicallyWhateverTheRdataOrder() throws Exception {
    api.dns().put("p1", zone, FakeRrset.of("r." + dn(), "A", 300, "192.0.2.1", "192.0.2.2"));
    Answer a =
        change(
            add("r." + dn(), "A", 60, "192.0.2.3"),
            rr("r." + dn(), "A", 300, "192.0.2.2", "192.0.2.1"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(api.dns().rrset("p1", zone, "r." + dn(), "A"))
        .contains(FakeRrset.of("r." + dn(), "A", 60, "192.0.2.3"));
  }

  @Test
  void sameClientOperationIdReturnsTheSameChangeWithoutApplyingTwice() throws Exception {
    String body = "{\"additions\":[" + add("op." + dn(), "A", 300, "192.0.2.1") + "]}";
    Answer first = call("POST", base() + "/changes?clientOperationId=abc", body);
    Answer again = call("POST", base() + "/changes?clientOperationId=abc", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
    assertThat(api.dns().changeCount("p1", zone)).isEqualTo(1);
  }

  @Test
  void cnameCannotCoexistWithOtherData() throws Exception {
    api.dns().put("p1", zone, FakeRrset.of("c." + dn(), "TXT", 300, "\"hello\""));
    Answer a = change(add("c." + dn(), "CNAME", 300, "www." + dn()), "");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("error").path("errors").get(0).path("reason").asText())
        .isEqualTo("cnameResourceRecordSetConflict");
  }

  @Test
  void invalidRdataAndNamesOutsideTheZoneAre400Invalid() throws Exception {
    Answer a =
        change(
            add("www.elsewhere.org.", "A", 300, "192.0.2.1")
                + ","
                + add("m." + dn(), "MX", 300, "10 mail.example.com"),
            "");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("error").path("errors"))
        .extracting(n -> n.path("message").asText())
        .containsExactly(
            "Invalid value for 'entity.change.additions[0].name': " + "'www.elsewhere.org.'",
            "Invalid value for 'entity.change.additions[1].rrdata[0]': " + "'10 mail.example.com'");
  }

  @Test
  void txtIsStoredQuoted() throws Exception {
    change(add("txt." + dn(), "TXT", 300, "hello"), "");
    assertThat(api.dns().rrset("p1", zone, "txt." + dn(), "TXT").orElseThrow().rrdatas())
        .containsExactly("\"hello\"");
  }

  @Test
  void emptyChangeIsRequired400() throws Exception {
    Answer a = change("", "");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("error").path("message").asText())
        .isEqualTo("The 'entity.change' parameter is required but was missing.");
  }

  @Test
  void quotasAreReadableAndEnforced() throws Exception {
    Answer p = call("GET", "dns/v1/projects/p1", null);
    assertThat(p.body().path("quota").path("rrsetAdditionsPerChange").asInt()).isEqualTo(1000);
    assertThat(p.body().path("quota").path("totalRrdataSizePerChange").asInt()).isEqualTo(100000);
    api.dns().setQuota("p1", "rrsetAdditionsPerChange", 1);
    try {
      Answer a =
          change(
              add("q1." + dn(), "A", 300, "192.0.2.1")
                  + ","
                  + add("q2." + dn(), "A", 300, "192.0.2.2"),
              "");
      assertThat(a.status()).isEqualTo(403);
      assertThat(a.body().path("error").path("message").asText())
          .isEqualTo("The change would exceed quota for additions per change.");
    } finally {
      api.dns().setQuota("p1", "rrsetAdditionsPerChange", 1000);
    }
  }

  @Test
  void rrsetListPagesAndFilters() throws Exception {
    for (int i = 0; i < 5; i++) {
      api.dns().put("p1", zone, FakeRrset.of("h" + i + "." + dn(), "A", 300, "192.0.2." + i));
    }
    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Answer a =
          call(
              "GET",
              base() + "/rrsets?maxResults=3" + (token == null ? "" : "&pageToken=" + token),
              null);
      a.body()
          .path("rrsets")
          .forEach(n -> names.add(n.path("name").asText() + "/" + n.path("type").asText()));
      token = a.body().path("nextPageToken").asText(null);
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(names).hasSize(7).doesNotHaveDuplicates();
    Answer one = call("GET", base() + "/rrsets?name=h2." + dn() + "&type=A", null);
    assertThat(one.body().path("rrsets")).hasSize(1);
    assertThat(call("GET", base() + "/rrsets?type=A", null).status()).isEqualTo(400);
    assertThat(call("GET", base() + "/rrsets?maxResults=0", null).status()).isEqualTo(400);
  }

  @Test
  void zonesAreFoundByDnsName() throws Exception {
    Answer a = call("GET", "dns/v1/projects/p1/managedZones?dnsName=" + dn(), null);
    assertThat(a.body().path("managedZones")).hasSize(1);
    assertThat(a.body().path("managedZones").get(0).path("name").asText()).isEqualTo(zone);
    assertThat(
            call("GET", "dns/v1/projects/p1/managedZones?dnsName=nothing.org.", null)
                .body()
                .path("managedZones"))
        .isEmpty();
  }

  @Test
  void unknownZoneAndChangeAre404() throws Exception {
    Answer z = call("GET", "dns/v1/projects/p1/managedZones/nope/rrsets", null);
    assertThat(z.status()).isEqualTo(404);
    assertThat(z.body().path("error").path("message").asText())
        .isEqualTo("The 'parameters.managedZone' resource named 'nope' does not exist.");
    Answer c = call("GET", base() + "/changes/999", null);
    assertThat(c.status()).isEqualTo(404);
  }

  @Test
  void injectedFailuresAnswerOnceEachThenTheFakeRecovers() throws Exception {
    api.failNext(Route.CHANGES_CREATE, 429, 1);
    api.failNext(Route.CHANGES_CREATE, 503, 1);
    Answer a = change(add("f." + dn(), "A", 300, "192.0.2.1"), "");
    assertThat(a.status()).isEqualTo(429);
    assertThat(a.body().path("error").path("errors").get(0).path("reason").asText())
        .isEqualTo("rateLimitExceeded");
    assertThat(change(add("f." + dn(), "A", 300, "192.0.2.1"), "").status()).isEqualTo(503);
    assertThat(change(add("f." + dn(), "A", 300, "192.0.2.1"), "").status()).isEqualTo(200);
    assertThat(api.requests(Route.CHANGES_CREATE)).hasSize(3);
  }

  @Test
  void anOutageStartsOnceTheZoneHoldsTheGivenCountAndEndsWhenTold() throws Exception {
    api.dns().outageOnceZoneHolds("p1", zone, 4); // NS and SOA, then two more
    assertThat(change(add("o1." + dn(), "A", 300, "192.0.2.1"), "").status()).isEqualTo(200);
    assertThat(change(add("o2." + dn(), "A", 300, "192.0.2.2"), "").status()).isEqualTo(200);
    Answer refused = change(add("o3." + dn(), "A", 300, "192.0.2.3"), "");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.body().path("error").path("errors").get(0).path("reason").asText())
        .isEqualTo("backendError");
    assertThat(api.dns().rrset("p1", zone, "o3." + dn(), "A")).isEmpty();
    api.dns().endOutage();
    assertThat(change(add("o3." + dn(), "A", 300, "192.0.2.3"), "").status()).isEqualTo(200);
  }

  @Test
  void droppedResponseAppliesTheChangeButTheClientSeesAnError() {
    api.dropResponseNext(Route.CHANGES_CREATE, 1);
    assertThatThrownBy(() -> change(add("d." + dn(), "A", 300, "192.0.2.1"), ""))
        .isInstanceOf(IOException.class);
    assertThat(api.dns().rrset("p1", zone, "d." + dn(), "A")).isPresent();
  }

  @Test
  void computeInstanceHasNoAddressForItsFirstReadsThenItsIps() throws Exception {
    api.compute().addInstance("123", "us-central1-c", "web-1", "203.0.113.7", "10.0.0.7");
    api.compute().withoutAddressFor("123", "us-central1-c", "web-1", 1);
    String path = "compute/v1/projects/123/zones/us-central1-c/instances/web-1";
    Answer first = call("GET", path, null);
    assertThat(first.body().path("status").asText()).isEqualTo("PROVISIONING");
    assertThat(first.body().has("networkInterfaces")).isFalse();
    Answer second = call("GET", path, null);
    JsonNode nic = second.body().path("networkInterfaces").get(0);
    assertThat(nic.path("networkIP").asText()).isEqualTo("10.0.0.7");
    assertThat(nic.path("accessConfigs").get(0).path("natIP").asText()).isEqualTo("203.0.113.7");
    Answer missing = call("GET", "compute/v1/projects/123/zones/us-central1-c/instances/x", null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("error").path("message").asText())
        .isEqualTo("The resource 'projects/123/zones/us-central1-c/instances/x' was not found");
  }

  @Test
  void zoneCanBeAddressedByIdAndBaseConstantIsUsedByOtherTests() throws Exception {
    api.dns().addZone("p1", "example-com", "example.com.");
    Answer z = call("GET", BASE, null);
    String id = z.body().path("id").asText();
    assertThat(
            call("GET", "dns/v1/projects/p1/managedZones/" + id, null).body().path("name").asText())
        .isEqualTo("example-com");
  }

  @Test
  void changesCanBeDoneAfterADelayOnTheFakesClock() throws Exception {
    io.gordon.testing.fakes.MutableClock clock =
        new io.gordon.testing.fakes.MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    try (FakeGoogleApis timed = FakeGoogleApis.start(clock)) {
      timed.dns().addZone("p2", "delay-com", "delay.com.");
      timed.dns().changesNeverDone();
      timed.dns().changesDoneAfter(java.time.Duration.ofSeconds(5));
      String path = "dns/v1/projects/p2/managedZones/delay-com/changes";
      HttpRequest post =
          HttpRequest.newBuilder(URI.create(timed.rootUrl() + path))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"additions\":[" + rr("a.delay.com.", "A", 300, "192.0.2.1") + "]}"))
              .build();
      JsonNode created =
          JSON.readTree(http.send(post, HttpResponse.BodyHandlers.ofString()).body());
      assertThat(created.path("startTime").asText()).isEqualTo("2026-01-01T00:00:00Z");
      URI get = URI.create(timed.rootUrl() + path + "/" + created.path("id").asText());
      assertThat(
              JSON.readTree(
                      http.send(
                              HttpRequest.newBuilder(get).build(),
                              HttpResponse.BodyHandlers.ofString())
                          .body())
                  .path("status")
                  .asText())
          .isEqualTo("pending");
      clock.advance(java.time.Duration.ofSeconds(5));
      assertThat(
              JSON.readTree(
                      http.send(
                              HttpRequest.newBuilder(get).build(),
                              HttpResponse.BodyHandlers.ofString())
                          .body())
                  .path("status")
                  .asText())
          .isEqualTo("done");
    }
  }
}
