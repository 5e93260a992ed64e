package io.gordon.testing.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The curl routes of a fake run as a process: what a person types does what the tests do. */
class FakeControlTest {
  private static FakeGoogleApis api;
  private final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, String body) {}

  @BeforeAll
  static void startFake() {
    api = FakeGoogleApis.start();
    api.serveControl();
  }

  @AfterAll
  static void stopFake() {
    api.close();
  }

  private Answer call(String method, String pathAndQuery) throws Exception {
    return call(method, pathAndQuery, "");
  }

  private Answer call(String method, String pathAndQuery, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.rootUrl() + pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  @Test
  void zonesAndRecordSetsAreMadeReadAndRemovedByHand() throws Exception {
    assertThat(call("POST", "_fake/zone?project=p&name=hand-com&dns_name=hand.com.").body())
        .isEqualTo("ok\n");
    String www = "project=p&zone=hand-com&name=WWW.hand.com.&type=a";
    assertThat(call("POST", "_fake/rrset?" + www + "&ttl=60&rrdata=192.0.2.1&rrdata=192.0.2.2"))
        .isEqualTo(new Answer(200, "ok\n"));
    assertThat(api.dns().rrset("p", "hand-com", "www.hand.com.", "A"))
        .contains(FakeRrset.of("www.hand.com.", "A", 60, "192.0.2.1", "192.0.2.2"));
    assertThat(call("GET", "_fake/rrsets?project=p&zone=hand-com").body())
        .contains("\"name\" : \"www.hand.com.\"", "\"192.0.2.2\"");
    call("DELETE", "_fake/rrset?" + www);
    assertThat(api.dns().rrset("p", "hand-com", "www.hand.com.", "A")).isEmpty();
  }

  @Test
  void aRaceIsAppliedJustBeforeTheNextChange() throws Exception {
    api.dns().addZone("p", "race-com", "race.com.");
    call(
        "POST",
        "_fake/race?project=p&zone=race-com&name=x.race.com.&type=A&ttl=5&rrdata=192.0.2.9");
    assertThat(api.dns().rrset("p", "race-com", "x.race.com.", "A")).isEmpty();
    call("POST", "dns/v1/projects/p/managedZones/race-com/changes", "{\"additions\": []}");
    assertThat(api.dns().rrset("p", "race-com", "x.race.com.", "A")).isPresent();
  }

  @Test
  void instancesFaultsAndPendingChangesAreSetUp() throws Exception {
    call(
        "POST",
        "_fake/instance?project=p&zone=z&name=vm&ip=203.0.113.1&unaddressed_gets=2"
            + "&tag=no-dns&metadata=key=val&status=RUNNING");
    assertThat(api.compute().gets("p", "z", "vm")).isZero();
    call("DELETE", "_fake/instance?project=p&zone=z&name=vm");
    call("POST", "_fake/fail?route=changes_create&status=503&count=1");
    call("POST", "_fake/drop?route=RRSETS_LIST&count=1");
    call("POST", "_fake/pending?gets=2");
    call("POST", "_fake/pending?never=1");
    call("POST", "_fake/page_size?size=2");
    call("GET", "dns/v1/projects/p/managedZones");
    assertThat(call("GET", "_fake/requests").body())
        .as("the API's requests, not the control routes'")
        .contains("GET ZONES_LIST /dns/v1/projects/p/managedZones")
        .doesNotContain("_fake");
    api.reset();
    api.dns().changesStayPendingFor(0);
    api.dns().setDefaultPageSize(100);
  }

  @Test
  void aMistakeIsA400NamingWhatIsWrong() throws Exception {
    assertThat(call("POST", "_fake/zone?project=p&name=n"))
        .isEqualTo(new Answer(400, "missing parameter dns_name\n"));
    assertThat(call("POST", "_fake/fail?route=NOPE&status=503&count=1").body())
        .startsWith("route NOPE: expected one of [ANY, PROJECTS_GET,");
    assertThat(call("POST", "_fake/page_size?size=many"))
        .isEqualTo(new Answer(400, "size many: expected an integer\n"));
    assertThat(call("POST", "_fake/rrset?project=p&zone=z&name=a.&type=A&ttl=1"))
        .isEqualTo(new Answer(400, "missing parameter rrdata (repeat it for each)\n"));
    assertThat(call("PUT", "_fake/zone"))
        .isEqualTo(new Answer(400, "no control route PUT /_fake/zone\n"));
    assertThat(call("POST", "_fake/instance?project=p&zone=z&name=m&metadata=novalue"))
        .isEqualTo(new Answer(400, "metadata novalue: expected key=value\n"));
  }
}
