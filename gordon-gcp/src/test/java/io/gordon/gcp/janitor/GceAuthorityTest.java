package io.gordon.gcp.janitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.javanet.NetHttpTransport;
import io.gordon.api.RetriableException;
import io.gordon.api.janitor.Observation;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.gcp.TestContext;
import io.gordon.testing.gcp.FakeGoogleApis;
import io.gordon.testing.gcp.FakeGoogleApis.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gcp.gce authority against the fake Compute Engine and Resource Manager. */
class GceAuthorityTest {
  private static FakeGoogleApis api;
  private static int seq;
  private String p;

  @BeforeAll
  static void startFake() {
    api = FakeGoogleApis.start();
  }

  @AfterAll
  static void stopFake() {
    api.close();
  }

  @BeforeEach
  void freshProjects() {
    api.reset();
    p = "proj-" + (++seq) + "-";
  }

  /** The authority with pages of two projects and two instances, so every listing pages. */
  private GceAuthority authority(Map<String, Object> extra) {
    Map<String, Object> cfg =
        new HashMap<>(
            Map.of(
                "dns_zone",
                "example.com.",
                "endpoint",
                api.rootUrl(),
                "crm_endpoint",
                api.rootUrl(),
                "anonymous",
                true,
                "max_concurrent_projects",
                2));
    cfg.putAll(extra);
    TestContext ctx = new TestContext("gcp.gce", GceAuthorityFactory.SPEC, cfg);
    GceSettings s = GceSettings.from(ctx.config());
    GoogleGet http = new GoogleGet(new NetHttpTransport().createRequestFactory());
    return new GceAuthority(
        new GceListing(http, s, ctx.logger(), 2, 2), s, ctx.clock(), ctx.metrics(), ctx.logger());
  }

  private static RecordSet a(String name, String... ips) {
    return RecordSet.of(name + ".example.com.", RecordType.A, 300, ips);
  }

  private void vm(String project, String name, String ip) {
    api.compute().addInstance(project, "us-central1-a", name, ip, "10.0.0.1");
  }

  @Test
  void activeProjectsFromResourceManagerMinusTheBlacklistEveryPage() {
    api.compute().addProject(p + "a", "ACTIVE");
    api.compute().addProject(p + "b", "active");
    api.compute().addProject(p + "c", "DELETE_REQUESTED");
    api.compute().addProject(p + "d", "ACTIVE");
    for (int i = 1; i <= 3; i++) {
      vm(p + "a", p + "web-" + i, "192.0.2." + i);
    }
    vm(p + "b", p + "db", "192.0.2.10");
    vm(p + "c", p + "gone", "192.0.2.20");
    vm(p + "d", p + "secret", "192.0.2.30");
    Observation o = authority(Map.of("project_blacklist", List.of(p + "d"))).observe();
    assertThat(o.zones())
        .singleElement()
        .satisfies(
            z -> {
              assertThat(z.zone()).isEqualTo("example.com.");
              assertThat(z.complete()).isTrue();
              assertThat(z.records())
                  .filteredOn(r -> r.name().startsWith(p))
                  .containsExactly(
                      a(p + "db", "192.0.2.10"),
                      a(p + "web-1", "192.0.2.1"),
                      a(p + "web-2", "192.0.2.2"),
                      a(p + "web-3", "192.0.2.3"));
            });
    assertThat(api.requests(Route.CRM_PROJECTS_LIST).size()).isGreaterThan(1);
    assertThat(api.requests(Route.INSTANCES_AGGREGATED))
        .extracting(r -> r.query().get("maxResults"))
        .containsOnly("2");
  }

  @Test
  void theWhitelistSkipsResourceManagerAndTheBlacklistStillApplies() {
    vm(p + "x", p + "x1", "192.0.2.1");
    vm(p + "y", p + "y1", "192.0.2.2");
    Observation o =
        authority(
                Map.of(
                    "project_whitelist",
                    List.of(p + "x", p + "y"),
                    "project_blacklist",
                    List.of(p + "y")))
            .observe();
    assertThat(o.zones().get(0).records()).containsExactly(a(p + "x1", "192.0.2.1"));
    assertThat(api.requests(Route.CRM_PROJECTS_LIST)).isEmpty();
  }

  @Test
  void blacklistedTagsAndMetadataAndInstancesWithoutAddressGetNoRecord() {
    vm(p + "x", "keep", "192.0.2.1");
    vm(p + "x", "tagged", "192.0.2.2");
    vm(p + "x", "marked", "192.0.2.3");
    vm(p + "x", "internal", null);
    api.compute().setTags(p + "x", "us-central1-a", "tagged", "no-dns");
    api.compute().setMetadata(p + "x", "us-central1-a", "marked", Map.of("dns", "off"));
    Observation o =
        authority(
                Map.of(
                    "project_whitelist",
                    List.of(p + "x"),
                    "tag_blacklist",
                    List.of("no-dns"),
                    "metadata_blacklist",
                    List.of(List.of("dns", "off"))))
            .observe();
    assertThat(o.zones().get(0).records()).containsExactly(a("keep", "192.0.2.1"));
  }

  @Test
  void aProjectAnswering403IsSkipped() {
    vm(p + "ok", "ok1", "192.0.2.1");
    vm(p + "denied", "hidden", "192.0.2.2");
    api.compute().failProject(p + "denied", 403);
    Observation o =
        authority(Map.of("project_whitelist", List.of(p + "ok", p + "denied"))).observe();
    assertThat(o.zones().get(0).records()).containsExactly(a("ok1", "192.0.2.1"));
    assertThat(o.zones().get(0).complete()).isTrue();
  }

  @Test
  void aProjectAnswering500FailsTheWholeObservation() {
    vm(p + "ok", "ok1", "192.0.2.1");
    api.compute().failProject(p + "broken", 500);
    assertThatThrownBy(
            () -> authority(Map.of("project_whitelist", List.of(p + "ok", p + "broken"))).observe())
        .isInstanceOf(RetriableException.class)
        .hasMessage(
            "gcp.gce: cannot list the instances of project "
                + p
                + "broken: 500"
                + " listing instances of project "
                + p
                + "broken failed (only 403, 404 and 410"
                + " skip a project; nothing is deleted when a listing fails)");
  }

  @Test
  void oneNameInSeveralProjectsIsOneRecordSetWithEveryAddress() {
    vm(p + "x", "twin", "192.0.2.2");
    vm(p + "y", "twin", "192.0.2.1");
    Observation o = authority(Map.of("project_whitelist", List.of(p + "x", p + "y"))).observe();
    assertThat(o.zones().get(0).records()).containsExactly(a("twin", "192.0.2.1", "192.0.2.2"));
  }

  @Test
  void projectsAreListedConcurrentlyButNoMoreThanTheLimitAtOnce() {
    List<String> projects = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      projects.add(p + "c" + i);
      vm(p + "c" + i, p + "vm" + i, "192.0.2." + (i + 1));
    }
    api.compute().setListDelay(java.time.Duration.ofMillis(300));
    try {
      Observation o = authority(Map.of("project_whitelist", projects)).observe();
      assertThat(o.zones().get(0).records()).hasSize(6);
      assertThat(api.compute().maxConcurrentLists()).isEqualTo(2);
    } finally {
      api.compute().setListDelay(java.time.Duration.ZERO);
    }
  }
}
