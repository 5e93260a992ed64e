package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.model.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The answers written straight from the statuses are, byte for byte, what the {@code ObjectNode}
 * trees they replaced printed: checked on seeded random statuses, ids, errors and timestamps.
 */
class JsonAnswerTest {
  private static final int CASES = 3_000;
  private static final String[] STATES = {"pending", "applied", "skipped", "dead-lettered"};

  @Test
  void anInstantIsWrittenAsInstantToStringWritesIt() {
    Random r = new Random(11);
    List<Instant> edges =
        List.of(
            Instant.EPOCH,
            Instant.ofEpochSecond(0, 1),
            Instant.ofEpochSecond(951_782_400L), // 2000-02-29
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.ofEpochSecond(-1, 5_000),
            Instant.MIN,
            Instant.MAX);
    for (Instant t : edges) {
      assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
    }
    for (int i = 0; i < 100_000; i++) {
      Instant t = instant(r);
      assertThat(IsoInstant.format(t)).as("%s", t).isEqualTo(t.toString());
    }
  }

  @Test
  void aStatusIsWrittenAsItsTreePrinted() {
    Random r = new Random(12);
    for (int i = 0; i < CASES; i++) {
      String id = text(r);
      StatusTracker.Status s = status(r);
      assertThat(Json.status(id, s).toBytes()).isEqualTo(utf8(oldStatus(id, s).toString() + "\n"));
    }
  }

  @Test
  void aWaitedAnswerIsWrittenAsItsTreePrinted() {
    Random r = new Random(13);
    for (int i = 0; i < CASES; i++) {
      ArrayNode errors = Json.MAPPER.createArrayNode();
      for (int e = r.nextInt(3) == 0 ? r.nextInt(3) : 0; e > 0; e--) {
        ObjectNode err = errors.addObject().put("index", r.nextInt(1000));
        err.putArray("problems").add(text(r)).add(text(r));
      }
      List<String> ids = new ArrayList<>();
      List<Optional<StatusTracker.Status>> statuses = new ArrayList<>();
      for (int n = r.nextInt(5); n > 0; n--) {
        ids.add(text(r));
        statuses.add(r.nextInt(5) == 0 ? Optional.empty() : Optional.of(status(r)));
      }
      Optional<Waiter.Results> waited =
          r.nextInt(4) == 0
              ? Optional.empty()
              : Optional.of(
                  new Waiter.Results(
                      ids, statuses, r.nextBoolean() ? Optional.empty() : Optional.of(text(r))));
      assertThat(Json.answer(errors, ids, waited).toBytes())
          .isEqualTo(utf8(oldAnswer(errors, ids, waited).toString() + "\n"));
    }
  }

  @Test
  void anAcceptedAnswerIsWrittenAsItsTreePrinted() {
    Random r = new Random(14);
    for (int i = 0; i < CASES; i++) {
      List<String> ids = new ArrayList<>();
      for (int n = r.nextInt(5); n > 0; n--) {
        ids.add(text(r));
      }
      ObjectNode old = Json.MAPPER.createObjectNode();
      ids.forEach(old.putArray("accepted")::add);
      assertThat(Json.accepted(ids).toBytes()).isEqualTo(utf8(old.toString() + "\n"));
    }
  }

  @Test
  void aStringIsEscapedAndEncodedAsBeforeWhereverItsFirstSpecialCharacterIs() {
    // the fast path copies printable ASCII and hands the rest over at the first other character
    List<String> cases =
        List.of(
            "",
            "plain-ascii.id:42",
            "tail\u00e9",
            "\u00e9head",
            "mid\"dle",
            "back\\slash",
            "ctl\u0001x",
            "del\u007fx",
            "pair\ud83d\ude00x",
            "lone\ud83dx",
            "lone low\ude00",
            "\u2028line sep");
    for (String c : cases) {
      assertThat(new JsonBytes(1).string(c).toBytes())
          .as("%s", c)
          .isEqualTo(utf8(Json.MAPPER.getNodeFactory().textNode(c).toString()));
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The answer as EventsHandler and Waiter built it before. */
  private static ObjectNode oldAnswer(
      ArrayNode errors, List<String> ids, Optional<Waiter.Results> waited) {
    ObjectNode answer = Json.MAPPER.createObjectNode();
    if (!errors.isEmpty()) {
      answer.set("errors", errors);
    }
    ids.forEach(answer.putArray("accepted")::add);
    waited.ifPresent(
        w -> {
          ArrayNode results = answer.putArray("results");
          for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            results.add(
                w.statuses()
                    .get(i)
                    .map(s -> oldStatus(id, s))
                    .orElseGet(
                        () ->
                            Json.MAPPER.createObjectNode().put("id", id).put("state", "unknown")));
          }
          w.timedOut().ifPresent(t -> answer.put("waited", t));
        });
    return answer;
  }

  /** Json.status as it was: a tree. */
  private static ObjectNode oldStatus(String id, StatusTracker.Status s) {
    ObjectNode o = Json.MAPPER.createObjectNode().put("id", id).put("state", s.state());
    if (!s.reason().isEmpty()) {
      o.put("reason", s.reason());
    }
    o.put("updated", s.updated().toString());
    ArrayNode h = o.putArray("history");
    for (HistoryEntry e : s.history()) {
      h.addObject()
          .put("timestamp", e.timestamp().toString())
          .put("plugin", e.plugin())
          .put("message", e.message());
    }
    return o;
  }

  private static StatusTracker.Status status(Random r) {
    List<HistoryEntry> history = new ArrayList<>();
    for (int n = r.nextInt(5); n > 0; n--) {
      history.add(new HistoryEntry(instant(r), "p" + text(r), "m" + text(r)));
    }
    String reason = r.nextBoolean() ? "" : text(r);
    return new StatusTracker.Status(STATES[r.nextInt(STATES.length)], reason, history, instant(r));
  }

  /** Mostly recent instants, with every fraction shape, and a few far ones. */
  private static Instant instant(Random r) {
    long seconds =
        switch (r.nextInt(10)) {
          case 0 -> r.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
          case 1 -> r.nextLong(-62_167_219_200L, 253_402_300_800L + 86_400L * 400);
          default -> 1_700_000_000L + r.nextInt(1 << 28);
        };
    int nanos =
        switch (r.nextInt(4)) {
          case 0 -> 0;
          case 1 -> r.nextInt(1000) * 1_000_000;
          case 2 -> r.nextInt(1_000_000) * 1000;
          default -> r.nextInt(1_000_000_000);
        };
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** Text with what JSON escapes: quotes, backslashes, control characters, non-ASCII. */
  private static String text(Random r) {
    String alphabet =
        "ab-1.:\"\\/\u0000\u0001\u001f\t\n\r\b\f \u007f\u00e9\u2028\uffff\ud83d\ude00";
    StringBuilder sb = new StringBuilder();
    for (int n = r.nextInt(12); n > 0; n--) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
