package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gordon.core.metrics.PrometheusRelay;
import io.gordon.core.router.RouterMetrics;
import io.gordon.testing.config.TestToml;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and the alerting rules against what a real gordon exports to a real Prometheus
 * (acceptance pass 7): the real {@code bin/gordon run} with {@code core.metrics = "prometheus"} and
 * the janitor inside, a real {@code prometheus} scraping it every second with {@code
 * deploy/monitoring/alerts.yaml} loaded, a little traffic (good events, an event outside every
 * zone, a CNAME refused next to data). Every dashboard expression must return series, every series
 * an alert names must exist with the labels it groups by or filters on, the dead-letter alert must
 * fire, the provider-error alert must leave out the refused CNAME, and the dead-letter panel must
 * count the first dead letters in full.
 */
class ObservabilityIT {
  static final Path MONITORING = Gordon.REPO.resolve("deploy/monitoring");
  static final Pattern ADMIN = Pattern.compile("admin server listening on http://([0-9.:]+)/");

  /** Series an alert names that this traffic cannot make, with the metric gordon emits. */
  static final Map<String, String> ONLY_ON_FAILURE =
      Map.of("router_dead_letter_failed_total", RouterMetrics.DEAD_LETTER_FAILED);

  @TempDir static Path dir;
  static GordonProcess gordon;
  static PrometheusServer prometheus;
  static String admin;

  @BeforeAll
  static void startGordonAndPrometheusAndSendTraffic() throws Exception {
    Files.writeString(
        dir.resolve("inventory.json"),
        "[{\"name\": \"h0.obs.test.\", \"type\": \"A\", \"ttl\": 300, \"rrdatas\": [\"10.0.0.0\"]}]");
    Files.writeString(
        dir.resolve("gordon.toml"),
        TestToml.plugins("local.http", "local.zonefile")
            .core("metrics = \"prometheus\"")
            .adminOnFreePort()
            .tables(
                """
                [local.http]
                listen = "127.0.0.1:0"
                directory = "var/spool/http"
                [local.zonefile]
                directory = "var/zones"
                zones = ["obs.test."]
                [janitor]
                plugins = ["local.inventory"]
                interval = "2s"
                [local.inventory]
                path = "inventory.json"
                zones = ["obs.test."]
                """)
            .text());
    gordon = GordonProcess.start(dir);
    Http http = new Http(gordon.httpPort());
    await().atMost(Duration.ofSeconds(30)).until(() -> ADMIN.matcher(gordon.logText()).find());
    Matcher m = ADMIN.matcher(gordon.logText());
    assertThat(m.find()).isTrue();
    admin = m.group(1);
    prometheus = PrometheusServer.start(dir, admin, MONITORING.resolve("alerts.yaml"));
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(Http.addA("ok" + i, "h" + i + ".obs.test.", "10.0.0." + i));
    }
    HttpResponse<String> good = http.post("?wait=true", "[" + String.join(",", events) + "]");
    assertThat(good.body()).as(gordon.tail()).contains("applied").doesNotContain("dead-lettered");
    // h0 holds an A (the event's and the janitor's inventory's), so the CNAME is refused.
    String bad =
        Http.addA("outside", "h.nowhere.example.", "10.0.1.1")
            + ",{\"id\":\"cname\",\"action\":\"additions\",\"resourceRecords\":"
            + "{\"name\":\"h0.obs.test.\",\"type\":\"CNAME\",\"ttl\":300,"
            + "\"rrdatas\":[\"h1.obs.test.\"]}}";
    HttpResponse<String> r = http.post("?wait=true", "[" + bad + "]");
    assertThat(r.body()).as(gordon.tail()).contains("dead-lettered").doesNotContain("applied");
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (gordon != null) {
      gordon.close();
    }
  }

  @Test
  void everyDashboardExpressionReturnsSeriesFromTheRealScrape() throws Exception {
    JsonNode d = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
    Map<String, String> exprs = new LinkedHashMap<>();
    d.path("panels")
        .forEach(
            p ->
                p.path("targets")
                    .forEach(
                        t ->
                            exprs.put(
                                p.path("title").asText() + ": " + t.path("expr").asText(),
                                t.path("expr").asText().replace("$instance", ".*"))));
    assertThat(exprs).hasSizeGreaterThanOrEqualTo(10);
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<String> empty = new ArrayList<>();
              for (var e : exprs.entrySet()) {
                if (prometheus.query(e.getValue()).isEmpty()) {
                  empty.add(e.getKey());
                }
              }
              assertThat(empty).as("panels without data").isEmpty();
            });
  }

  @Test
  void everySeriesAnAlertNamesIsExportedWithTheLabelsItGroupsBy() throws Exception {
    List<String> problems = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              problems.clear();
              for (var alert : alerts().entrySet()) {
                for (String branch : alert.getValue().split("\\bor\\b")) {
                  check(alert.getKey(), branch, problems);
                }
              }
              assertThat(problems).isEmpty();
            });
  }

  private static void check(String alert, String expr, List<String> problems) throws Exception {
    List<String> selectors = PromQl.selectors(expr);
    if (selectors.stream().anyMatch(s -> s.startsWith("kube_"))) {
      return;
    }
    Set<String> labels = new TreeSet<>(Set.of("instance", "job"));
    Set<String> matched = new TreeSet<>();
    for (String s : selectors) {
      String name = s.replaceFirst("\\{.*", "");
      matched.addAll(PromQl.matcherLabels(s));
      if (ONLY_ON_FAILURE.containsKey(name)) {
        checkName(alert, name, problems);
        continue;
      }
      // The metric with any labels: an alert may filter on a value this traffic does not make.
      JsonNode series = prometheus.query(name);
      if (series.isEmpty()) {
        problems.add(alert + ": no series " + name);
      }
      series.forEach(v -> v.path("metric").fieldNames().forEachRemaining(labels::add));
    }
    matched.addAll(PromQl.groupingLabels(expr));
    for (String l : matched) {
      if (!labels.contains(l)) {
        problems.add(alert + ": uses label " + l + ", which " + selectors + " do not carry");
      }
    }
  }

  /** A series that appears with its first failure only: the name the relay gives gordon's. */
  private static void checkName(String alert, String name, List<String> problems) {
    PrometheusRelay relay = new PrometheusRelay();
    relay.incr(ONLY_ON_FAILURE.get(name));
    if (!relay.scrape().contains("\n" + name + " 1.0")) {
      problems.add(alert + ": gordon exports no " + name + " (" + ONLY_ON_FAILURE.get(name) + ")");
    }
  }

  @Test
  void theFirstDeadLetterAfterAStartFiresTheDeadLetterAlertAndNothingElseFires() throws Exception {
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(firing()).contains("GordonDeadLetters/permanent-error"));
    assertThat(firing()).containsExactly("GordonDeadLetters/permanent-error");
  }

  @Test
  void aChangeRefusedForItsOwnDataIsNoProviderErrorForTheAlert() throws Exception {
    // The refused CNAME is counted, with kind="permanent"; once a rate sees it, the alert's
    // expression without its threshold must still leave it out.
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                !prometheus.query("rate(provider_errors_total{kind=\"permanent\"}[5m])").isEmpty());
    String expr = alerts().get("GordonProviderErrors");
    String unbounded = expr.replaceFirst("\\s*>\\s*[0-9.]+\\s*$", "");
    assertThat(unbounded).isNotEqualTo(expr);
    assertThat(prometheus.query(unbounded)).as(unbounded).isEmpty();
  }

  @Test
  void theDeadLettersPanelCountsTheFirstDeadLettersOfEachReason() throws Exception {
    String panel = panelExpr("Dead letters by reason");
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Map<String, Double> counted =
                  byReason(
                      prometheus.query("sum by (reason) (router_message_dead_lettered_total)"));
              assertThat(counted).isNotEmpty();
              assertThat(byReason(prometheus.query(panel))).isEqualTo(counted);
            });
  }

  @Test
  void promtoolAcceptsTheScrapeHelpTypeAndNames() throws Exception {
    HttpResponse<String> scrape =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://" + admin + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.body()).contains("router_message_settled_total");
    Path file = Files.writeString(dir.resolve("scrape.txt"), scrape.body());
    Process p =
        new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEmpty();
    assertThat(p.exitValue()).isZero();
  }

  private static String panelExpr(String title) throws Exception {
    JsonNode d = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
    for (JsonNode p : d.path("panels")) {
      if (p.path("title").asText().equals(title)) {
        return p.at("/targets/0/expr").asText().replace("$instance", ".*");
      }
    }
    throw new AssertionError("no panel " + title);
  }

  private static Map<String, Double> byReason(JsonNode vector) {
    Map<String, Double> out = new TreeMap<>();
    vector.forEach(
        v -> out.put(v.at("/metric/reason").asText(), Double.valueOf(v.at("/value/1").asText())));
    return out;
  }

  /** alertname/reason of every firing alert. */
  private static Set<String> firing() throws Exception {
    Set<String> out = new TreeSet<>();
    for (JsonNode a : prometheus.alerts()) {
      if (a.path("state").asText().equals("firing")) {
        out.add(a.at("/labels/alertname").asText() + "/" + a.at("/labels/reason").asText("-"));
      }
    }
    return out;
  }

  private static Map<String, String> alerts() throws Exception {
    JsonNode rules =
        new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("alerts.yaml").toFile());
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode g : rules.path("groups")) {
      for (JsonNode r : g.path("rules")) {
        out.put(r.path("alert").asText(), r.path("expr").asText());
      }
    }
    return out;
  }
}
