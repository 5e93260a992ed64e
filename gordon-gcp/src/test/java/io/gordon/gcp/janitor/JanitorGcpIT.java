package io.gordon.gcp.janitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordType;
import io.gordon.core.config.ConfigFiles;
import io.gordon.core.config.ConfigProblem;
import io.gordon.core.config.RawConfig;
import io.gordon.core.janitor.Janitor;
import io.gordon.core.janitor.JanitorConfig;
import io.gordon.core.janitor.JanitorReport;
import io.gordon.core.janitor.JanitorRun;
import io.gordon.core.plugin.PluginCatalog;
import io.gordon.core.plugin.PluginLoader;
import io.gordon.testing.gcp.FakeGoogleApis;
import io.gordon.testing.gcp.FakeRrset;
import io.gordon.testing.gcp.PubSubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original janitor trio from gordon-janitor.toml: gcp.gce over the fake Compute and Resource
 * Manager, gcp.gdns over the fake Cloud DNS, gcp.gpubsub to the real Pub/Sub emulator.
 */
class JanitorGcpIT {
  static final Path EXAMPLE =
      Path.of("").toAbsolutePath().getParent().resolve("examples/gcp-original/gordon-janitor.toml");
  static FakeGoogleApis api;
  static PubSubEmulator pubsub;
  static final PluginCatalog CATALOG = PluginCatalog.load(JanitorGcpIT.class.getClassLoader());
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    api = FakeGoogleApis.start();
    pubsub = PubSubEmulator.start();
  }

  @AfterAll
  static void stop() {
    api.close();
    pubsub.close();
  }

  @Test
  void theOriginalExampleLoadsUnchangedAsJanitorPlugins() throws Exception {
    Files.copy(EXAMPLE, dir.resolve(JanitorConfig.MAIN));
    RawConfig raw = JanitorConfig.load(dir, CATALOG);
    List<ConfigProblem> problems =
        new PluginLoader(CATALOG, Clock.systemUTC(), k -> null)
            .forJanitor()
            .validate(raw)
            .problems();
    assertThat(problems).isEmpty();
    // The upstream file listed only gcp.gdns; that validates too.
    Files.writeString(
        dir.resolve(JanitorConfig.MAIN),
        Files.readString(EXAMPLE)
            .replace(
                "plugins = [\"gcp.gce\", \"gcp.gdns\", \"gcp.gpubsub\"]",
                "plugins = [\"gcp.gdns\"]"));
    assertThat(
            new PluginLoader(CATALOG, Clock.systemUTC(), k -> null)
                .forJanitor()
                .validate(JanitorConfig.load(dir, CATALOG))
                .problems())
        .isEmpty();
    // As a service configuration the same names are the service's plugins, which refuse it.
    assertThat(
            new PluginLoader(CATALOG, Clock.systemUTC(), k -> null)
                .validate(ConfigFiles.load(dir, JanitorConfig.MAIN, JanitorConfig.USER))
                .problems())
        .isNotEmpty();
  }

  private void configure(String project, String pubsubProject, String dnsProject) throws Exception {
    String root = api.rootUrl();
    Files.writeString(
        dir.resolve(JanitorConfig.MAIN),
        """
        [core]
        plugins = ["gcp.gce", "gcp.gdns", "gcp.gpubsub"]
        [core.logging]
        handlers = ["stream"]
        [gcp]
        cleanup_timeout = 60
        anonymous = true
        [gcp.gdns]
        project = "%s"
        endpoint = "%s"
        [gcp.gpubsub]
        project = "%s"
        topic = "changes"
        endpoint = "%s"
        [gcp.gce]
        dns_zone = "example.com."
        project_whitelist = ["%s", "%s-other"]
        endpoint = "%s"
        crm_endpoint = "%s"
        """
            .formatted(
                dnsProject, root, pubsubProject, pubsub.hostPort(), project, project, root, root));
  }

  private void owned(String dnsProject, String name, String ip) {
    api.dns().put(dnsProject, "example-com", FakeRrset.of(name, "A", 300, ip));
    String marker = new OwnerMarker("gordon", name, RecordType.A).rdata();
    api.dns()
        .put(
            dnsProject,
            "example-com",
            FakeRrset.of(
                OwnerMarker.nameFor(name, RecordType.A, "example.com."), "TXT", 300, marker));
  }

  @Test
  void aGoneVmIsDeletedAndANewOneAddedThroughPubSubInTheOriginalsFormat() throws Exception {
    api.dns().addZone("dns-a", "example-com", "example.com.");
    owned("dns-a", "gone.example.com.", "192.0.2.9");
    owned("dns-a", "kept.example.com.", "192.0.2.1");
    api.compute().addInstance("vms-a", "us-east1-b", "kept", "192.0.2.1", "10.0.0.1");
    api.compute().addInstance("vms-a", "us-east1-b", "new", "192.0.2.2", "10.0.0.2");
    pubsub.createTopic("ps-a", "changes");
    pubsub.createSubscription("ps-a", "sub", "changes", false, 10);
    configure("vms-a", "ps-a", "dns-a");
    api.compute().failProject("vms-a-other", 403);
    JanitorReport r =
        new Janitor(JanitorConfig.load(dir, CATALOG), CATALOG, Clock.systemUTC(), k -> null)
            .runOnce(new JanitorRun.Options(false, false, false));
    assertThat(r.exitStatus()).as(r.toString()).isZero();
    List<String> data =
        pubsub.pull("ps-a", "sub", 10).stream().map(PubSubEmulator.Pulled::data).sorted().toList();
    assertThat(data).hasSize(2);
    assertThat(data.get(1))
        .matches(
            "\\{\"id\":\"janitor-[a-z0-9]+-2\",\"action\":\"additions\","
                + "\"resourceRecords\":\\{\"name\":\"new.example.com.\",\"type\":\"A\",\"ttl\":300,"
                + "\"rrdatas\":\\[\"192.0.2.2\"],\"kind\":\"dns#resourceRecordSet\",\"expected\":\\[]},"
                + "\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\"}");
    assertThat(data.get(0))
        .contains(
            "\"action\":\"deletions\",\"resourceRecords\":{\"name\":"
                + "\"gone.example.com.\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\"192.0.2.9\"],\"kind\":"
                + "\"dns#resourceRecordSet\",\"expected\":[\"192.0.2.9\"]}");
  }

  @Test
  void aProjectAnswering500AbortsTheRunWithNoChanges() throws Exception {
    api.dns().addZone("dns-b", "example-com", "example.com.");
    owned("dns-b", "gone.example.com.", "192.0.2.9");
    api.compute().addInstance("vms-b", "us-east1-b", "new", "192.0.2.2", "10.0.0.2");
    api.compute().failProject("vms-b-other", 500);
    pubsub.createTopic("ps-b", "changes");
    pubsub.createSubscription("ps-b", "sub", "changes", false, 10);
    configure("vms-b", "ps-b", "dns-b");
    JanitorReport r =
        new Janitor(JanitorConfig.load(dir, CATALOG), CATALOG, Clock.systemUTC(), k -> null)
            .runOnce(new JanitorRun.Options(false, false, false));
    assertThat(r.exitStatus()).isEqualTo(JanitorReport.FAILED);
    assertThat(r.plan().errors())
        .singleElement()
        .asString()
        .startsWith(
            "gcp.gce: the"
                + " authority failed, nothing is changed in its zones (example.com.): gcp.gce: cannot"
                + " list the instances of project vms-b-other: 500");
    assertThat(r.sent()).isEmpty();
    assertThat(pubsub.pull("ps-b", "sub", 10)).isEmpty();
  }
}
