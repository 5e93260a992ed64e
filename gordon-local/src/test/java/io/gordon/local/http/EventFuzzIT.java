package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.gordon.api.InvalidEventException;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.PluginContext;
import io.gordon.local.TestContext;
import io.gordon.local.spool.SpoolWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing: at least 1,000,000 generated and mutated events through the codec and the HTTP
 * handler in process (spool on tmpfs when there is one, so fsync costs nothing), then thousands of
 * mutated requests over real sockets. No request may crash the handler (500) or go unanswered, and
 * every rejection must carry a clear problem (a field, then what is wrong). The seed is printed;
 * replay with {@code -Dfuzz.seed=<seed>} (worker {@code w} uses {@code seed + w}).
 */
class EventFuzzIT {
  static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
  static final int EVENTS = Integer.getInteger("fuzz.events", 1_000_000);
  static final int PER_REQUEST = 250;

  /** Threads feeding the handler (it serves concurrent connections, so it must take this). */
  static final int WORKERS = 2;

  static final int SOCKET_REQUESTS = 3_000;

  /** A problem names its field (or the id) and says what is wrong. */
  static final Pattern CLEAR =
      Pattern.compile("([\\w$.\\[\\]]+|id \"[^\\n]*\"[^\\n]*): \\S.*", Pattern.DOTALL);

  @TempDir Path root;

  @Test
  void aMillionGeneratedAndMutatedEventsGetAnAnswerOrAClearErrorAndNothingCrashes()
      throws Exception {
    System.out.println("EventFuzzIT seed=" + SEED + " (replay: -Dfuzz.seed=" + SEED + ")");
    Path spool = spoolDir();
    PluginContext ctx =
        TestContext.of(
            "local.http",
            HttpSourceFactory.SPEC,
            Map.of("directory", spool.toString()),
            Clock.systemUTC(),
            root);
    HttpSettings settings = HttpSettings.from(ctx.config(), root);
    int[] outcomes = new int[600];
    try (SpoolWriter writer = new SpoolWriter(spool, "http", 16 << 20, Clock.systemUTC())) {
      EventsHandler handler =
          new EventsHandler(
              settings,
              ctx,
              writer,
              new StatusTracker(Clock.systemUTC(), Duration.ofMinutes(1), 100_000),
              new RequestPolicy(InetAddress.getLoopbackAddress(), List.of(), List.of()));
      long start = System.nanoTime();
      List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(WORKERS)) {
        for (int w = 0; w < WORKERS; w++) {
          EventFuzzer fuzz = new EventFuzzer(SEED + w);
          int from = w * (EVENTS / WORKERS);
          int to = w == WORKERS - 1 ? EVENTS : from + EVENTS / WORKERS;
          workers.add(pool.submit(() -> inProcess(handler, fuzz, from, to, outcomes)));
        }
        for (var f : workers) {
          f.get();
        }
      }
      System.out.printf(
          "EventFuzzIT: %d events in process in %.1f s; answers 202=%d 207=%d" + " 400=%d 409=%d%n",
          EVENTS,
          (System.nanoTime() - start) / 1e9,
          outcomes[202],
          outcomes[207],
          outcomes[400],
          outcomes[409]);
    } finally {
      deleteTree(spool);
    }
    overRealSockets(new EventFuzzer(SEED + WORKERS));
  }

  /** Events {@code from..to-1}, in requests of 1 or PER_REQUEST, through the handler. */
  private static Void inProcess(
      EventsHandler handler, EventFuzzer fuzz, int from, int to, int[] outcomes)
      throws IOException {
    for (int sent = from; sent < to; ) {
      int n = Math.min(to - sent, fuzz.nextInt(20) == 0 ? 1 : PER_REQUEST);
      List<String> docs = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        String doc = fuzz.next(sent + k);
        docs.add(doc);
        if ((sent + k) % 10 == 0) {
          decodeAlone(doc);
        }
      }
      sent += n;
      String body =
          n > 1 && fuzz.nextInt(4) == 0
              ? "[" + String.join(",", docs) + "]"
              : String.join("\n", docs);
      Response r =
          handler.handle(
              new Request(
                  "POST",
                  "/v1/events",
                  "",
                  Map.of(
                      "content-type",
                      List.of("application/x-ndjson"),
                      "host",
                      List.of("127.0.0.1")),
                  body.getBytes(StandardCharsets.UTF_8)));
      synchronized (outcomes) {
        outcomes[r.status()]++;
      }
      checkAnswer(r.status(), new String(r.body(), StandardCharsets.UTF_8), body);
    }
    return null;
  }

  private void overRealSockets(EventFuzzer fuzz) throws Exception {
    Path spool = spoolDir();
    try (RunningHttpSource http =
        new RunningHttpSource(
            root,
            Map.of(
                "directory",
                spool.toString(),
                "max_body_bytes",
                65_536L,
                "header_timeout",
                Duration.ofSeconds(5)))) {
      Thread settler =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        http.ctx.items.take().settle(new Outcome.Applied());
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      long start = System.nanoTime();
      for (int i = 0; i < SOCKET_REQUESTS; i++) {
        byte[] request = HttpFuzz.request(fuzz, fuzz.next(i), http.port());
        for (String answer : HttpFuzz.exchange(http.port(), request)) {
          int status = Integer.parseInt(answer.substring(0, 3));
          checkAnswer(
              status, answer.substring(4), new String(request, StandardCharsets.ISO_8859_1));
        }
      }
      settler.interrupt();
      System.out.printf(
          "EventFuzzIT: %d mutated requests over sockets in %.1f s%n",
          SOCKET_REQUESTS, (System.nanoTime() - start) / 1e9);
    } finally {
      deleteTree(spool);
    }
  }

  private static void decodeAlone(String doc) {
    try {
      TestContext.CODEC.decode(doc);
    } catch (InvalidEventException e) {
      assertThat(e.problems()).as(replay(doc)).isNotEmpty();
      e.problems().forEach(p -> assertClear(p, doc));
    } catch (RuntimeException e) {
      fail("the codec crashed: " + e + "; " + replay(doc), e);
    }
  }

  static void checkAnswer(int status, String body, String input) throws IOException {
    assertThat(status)
        .as("status; " + replay(input))
        .isIn(200, 202, 207, 400, 404, 405, 408, 409, 413, 415, 421, 431, 501);
    JsonNode answer = Json.MAPPER.readTree(body);
    if (answer.has("error")) {
      assertThat(answer.get("error").asText())
          .as(replay(input))
          .hasSizeGreaterThan(10)
          .doesNotContain("Exception");
      return;
    }
    assertThat(answer.has("accepted")).as("answer " + body + "; " + replay(input)).isTrue();
    for (JsonNode err : answer.path("errors")) {
      assertThat(err.path("problems").size()).as(replay(input)).isPositive();
      err.path("problems").forEach(p -> assertClear(p.asText(), input));
    }
  }

  private static void assertClear(String problem, String input) {
    if (!CLEAR.matcher(problem).matches() || problem.contains("Exception")) {
      fail("unclear problem \"" + problem + "\"; " + replay(input));
    }
  }

  private static String replay(String input) {
    String head = input.length() > 300 ? input.substring(0, 300) + "..." : input;
    return "seed " + SEED + " (replay: -Dfuzz.seed=" + SEED + "), input: " + head;
  }

  private Path spoolDir() throws IOException {
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "gordon-fuzz-")
        : Files.createTempDirectory(root, "s");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
