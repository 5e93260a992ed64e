package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy files: Kubernetes manifests parsed and checked for probes, resources and mounts
 * (kubeconform is not installable here, so the checks are explicit), the ConfigMap's gordon.toml
 * validated by the real {@code gordon config}, the alerting rules checked by {@code promtool}, the
 * Grafana dashboard parsed.
 */
class DeployFilesIT {
  static final Path DEPLOY = Gordon.REPO.resolve("deploy");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  static Map<String, JsonNode> manifests() throws Exception {
    Map<String, JsonNode> byKind = new HashMap<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
      for (Path f : files.sorted().toList()) {
        for (JsonNode doc :
            YAML.readValues(YAML.createParser(f.toFile()), JsonNode.class).readAll()) {
          assertThat(doc.path("apiVersion").asText()).as(f.toString()).isNotEmpty();
          assertThat(doc.path("metadata").path("name").asText()).as(f.toString()).isNotEmpty();
          byKind.put(doc.path("kind").asText(), doc);
        }
      }
    }
    return byKind;
  }

  @Test
  void everyManifestParsesAndTheSetIsComplete() throws Exception {
    assertThat(manifests())
        .containsOnlyKeys(
            "Deployment", "Service", "ConfigMap", "Secret", "PersistentVolumeClaim", "CronJob");
  }

  @Test
  void theDeploymentProbesHealthAndReadinessOnTheAdminPortWithin256Mi() throws Exception {
    Map<String, JsonNode> m = manifests();
    JsonNode spec = m.get("Deployment").path("spec");
    assertThat(spec.path("strategy").path("type").asText()).isEqualTo("Recreate");
    assertThat(spec.path("replicas").asInt()).isEqualTo(1);
    JsonNode c = spec.path("template").path("spec").path("containers").get(0);
    assertThat(port(c, "admin")).isEqualTo(9053);
    assertThat(port(c, "events")).isEqualTo(8053);
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(c.at("/livenessProbe/httpGet/port").asText()).isEqualTo("admin");
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(c.at("/readinessProbe/httpGet/port").asText()).isEqualTo("admin");
    assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("256Mi");
    assertThat(c.at("/resources/requests/memory").asText()).isEqualTo("256Mi");
    assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(spec.at("/template/spec/securityContext/runAsUser").asInt()).isEqualTo(10001);
    JsonNode service = m.get("Service").path("spec").path("ports");
    assertThat(service.findValuesAsText("targetPort")).containsExactlyInAnyOrder("events", "admin");
  }

  @Test
  void everyMountHasAVolumeAndEveryVolumeAnObject() throws Exception {
    Map<String, JsonNode> m = manifests();
    for (JsonNode pod :
        List.of(
            m.get("Deployment").at("/spec/template/spec"),
            m.get("CronJob").at("/spec/jobTemplate/spec/template/spec"))) {
      Map<String, JsonNode> volumes = new HashMap<>();
      pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
      JsonNode c = pod.path("containers").get(0);
      Map<String, String> mounts = new HashMap<>();
      c.path("volumeMounts")
          .forEach(
              v -> {
                assertThat(volumes).as("volume of mount " + v).containsKey(v.path("name").asText());
                mounts.put(v.path("mountPath").asText(), v.path("name").asText());
              });
      assertThat(volumes.get(mounts.get("/etc/gordon")).at("/configMap/name").asText())
          .isEqualTo(m.get("ConfigMap").at("/metadata/name").asText());
      assertThat(
              volumes.get(mounts.get("/var/run/secrets/gordon")).at("/secret/secretName").asText())
          .isEqualTo(m.get("Secret").at("/metadata/name").asText());
      assertThat(mounts).containsKeys("/var/lib/gordon", "/tmp");
      for (JsonNode env : c.path("env")) {
        JsonNode ref = env.at("/valueFrom/secretKeyRef");
        assertThat(m.get("Secret").at("/stringData").has(ref.path("key").asText()))
            .as("secret key " + ref)
            .isTrue();
      }
    }
    JsonNode state = m.get("Deployment").at("/spec/template/spec/volumes").findParent("claimName");
    assertThat(state.path("claimName").asText())
        .isEqualTo(m.get("PersistentVolumeClaim").at("/metadata/name").asText());
  }

  @Test
  void theCronJobRunsTheJanitorOnTheSameConfigNeverTwiceAtOnce() throws Exception {
    JsonNode cron = manifests().get("CronJob").path("spec");
    assertThat(cron.path("concurrencyPolicy").asText()).isEqualTo("Forbid");
    JsonNode c = cron.at("/jobTemplate/spec/template/spec/containers").get(0);
    assertThat(c.path("args").toString()).isEqualTo("[\"janitor\",\"-c\",\"/etc/gordon\"]");
  }

  @Test
  void theConfigMapCarriesTheProductionConfigWhichGordonConfigAccepts() throws Exception {
    String toml = manifests().get("ConfigMap").at("/data/gordon.toml").asText();
    assertThat(toml).isEqualTo(Files.readString(DEPLOY.resolve("gordon.toml")));
    Files.writeString(dir.resolve("gordon.toml"), toml);
    Path log = dir.resolve("config.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                Gordon.REPO.resolve("bin/gordon").toString(), "config", "-c", dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("GORDON_NO_BUILD", "1");
    pb.environment().put("GORDON_HTTP_TOKEN", "t0ken");
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
  }

  @Test
  void promtoolAcceptsTheAlertingRulesAndRejectsABrokenCopy() throws Exception {
    Path rules = DEPLOY.resolve("monitoring/alerts.yaml");
    assertThat(promtool("check", "rules", rules.toString()))
        .contains("SUCCESS: 9 rules found", "exit 0");
    Path broken =
        Files.writeString(
            dir.resolve("broken.yaml"),
            Files.readString(rules).replace("up{job=\"gordon\"} == 0", "up{job=\"gordon\" == 0"));
    assertThat(promtool("check", "rules", broken.toString())).contains("FAILED", "exit 1");
  }

  @Test
  void theAlertsFireAsTheirUnitTestsExpect() throws Exception {
    assertThat(promtool("test", "rules", DEPLOY.resolve("monitoring/alerts.test.yaml").toString()))
        .contains("SUCCESS", "exit 0");
  }

  @Test
  void theDashboardParsesAndEachPanelQueriesPrometheus() throws Exception {
    JsonNode d =
        new ObjectMapper().readTree(DEPLOY.resolve("monitoring/grafana-dashboard.json").toFile());
    assertThat(d.path("title").asText()).isEqualTo("gordon");
    List<String> exprs = new ArrayList<>();
    d.path("panels")
        .forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
    assertThat(exprs).hasSizeGreaterThanOrEqualTo(10).allMatch(e -> !e.isBlank());
    assertThat(String.join("\n", exprs))
        .contains(
            "router_message_settled_total",
            "gordon_spool_backlog_events",
            "gordon_spool_oldest_pending_age_seconds",
            "provider_errors_total",
            "router_message_dead_lettered_total",
            "janitor_drift");
  }

  private static int port(JsonNode container, String name) {
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asText().equals(name)) {
        return p.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no port named " + name + " in " + container.path("ports"));
  }

  /** Runs promtool; fails with the reason when promtool is not installed. */
  private static String promtool(String... args) throws Exception {
    Path promtool =
        Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "promtool is not installed: bin/install-test-deps installs Debian's prometheus"));
    List<String> cmd = new ArrayList<>(List.of(promtool.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out + "exit " + p.exitValue();
  }
}
