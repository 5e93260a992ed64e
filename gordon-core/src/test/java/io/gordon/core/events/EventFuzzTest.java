package io.gordon.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gordon.api.InvalidEventException;
import io.gordon.api.plugin.Decoded;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus of broken and odd inputs: decoding never throws anything but {@link
 * InvalidEventException}, and every refusal explains itself with a path and a reason.
 */
class EventFuzzTest {
  static final int CORPUS = 12_000;
  static final Pattern PROBLEM =
      Pattern.compile(
          "(event|body|id|action|timestamp|receiveTimestamp|resourceName|schema|logName|"
              + "protoPayload(\\.\\w+)?|resourceRecords(\\[\\d+])?(\\.\\w+(\\[\\d+])?)?): \\S.*",
          Pattern.DOTALL);
  static final String[] VALUES = {
    "null",
    "true",
    "0",
    "-1",
    "1e999",
    "3.5",
    "\"\"",
    "\"x\"",
    "[]",
    "{}",
    "[null]",
    "{\"a\":[1,{}]}",
    "\"" + "y".repeat(5000) + "\"",
    "99999999999999999999"
  };

  @Test
  void aGeneratedCorpusNeverCrashesTheDecoderAndAlwaysExplainsRefusals() {
    EventGenerator gen = new EventGenerator(4242L);
    Random r = gen.random();
    int refused = 0;
    for (int i = 0; i < CORPUS; i++) {
      String input = input(gen, r, i);
      try {
        JsonEventCodecTest.CODEC.decode(input);
      } catch (InvalidEventException e) {
        refused++;
        checkProblems(input, e.problems());
      } catch (RuntimeException | StackOverflowError e) {
        fail("decode threw " + e + " for input " + abbreviate(input), e);
      }
      for (Decoded d : JsonEventCodecTest.CODEC.decodeAll(input)) {
        if (!d.ok()) {
          checkProblems(input, d.problems());
        }
      }
    }
    assertThat(refused).as("refused inputs").isGreaterThan(CORPUS / 2);
  }

  private static void checkProblems(String input, List<String> problems) {
    assertThat(problems).as(abbreviate(input)).isNotEmpty();
    for (String p : problems) {
      assertThat(p).as(abbreviate(input)).matches(PROBLEM).hasSizeLessThan(700);
    }
  }

  static String input(EventGenerator gen, Random r, int i) {
    String valid = JsonEventCodecTest.CODEC.encode(gen.event());
    return switch (i % 8) {
      case 0 -> mutate(valid, r, 1 + r.nextInt(4));
      case 1 -> replaceValue(valid, r);
      case 2 ->
          valid.replaceFirst(
              "\\{", "{\"unknown" + r.nextInt(9) + "\":" + VALUES[r.nextInt(VALUES.length)] + ",");
      case 3 -> valid.substring(0, r.nextInt(valid.length()));
      case 4 -> randomText(r);
      case 5 -> oversized(r);
      case 6 -> "[" + valid + "," + mutate(valid, r, 1) + "]";
      default -> valid + "\n" + mutate(valid, r, 2) + "\n" + replaceValue(valid, r);
    };
  }

  private static String mutate(String s, Random r, int times) {
    StringBuilder sb = new StringBuilder(s);
    String alphabet = "{}[]\":,0123456789.-eE\\ tfnaxyz\u00e9\u0000";
    for (int t = 0; t < times && sb.length() > 0; t++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
        default -> sb.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
      }
    }
    return sb.toString();
  }

  /** Replaces the value of one field with a value of some other JSON type. */
  private static String replaceValue(String s, Random r) {
    String[] fields = {
      "action", "timestamp", "resourceRecords", "name", "type", "ttl", "rrdatas", "id"
    };
    String f = fields[r.nextInt(fields.length)];
    String v = VALUES[r.nextInt(VALUES.length)];
    String out =
        s.replaceFirst(
            "\"" + f + "\":(\"[^\"]*\"|\\d+|\\[[^\\]]*])",
            "\"" + f + "\":" + java.util.regex.Matcher.quoteReplacement(v));
    return out.equals(s)
        ? s.replaceFirst(
            "\\{", "{\"" + f + "\":" + java.util.regex.Matcher.quoteReplacement(v) + ",")
        : out;
  }

  private static String randomText(Random r) {
    int len = r.nextInt(200);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append((char) (r.nextBoolean() ? 32 + r.nextInt(95) : r.nextInt(0x3000)));
    }
    return sb.toString();
  }

  private static String oversized(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> "[".repeat(5000) + "]".repeat(5000);
      case 1 ->
          "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\""
              + "a".repeat(2_000_000)
              + "\"}}";
      case 2 ->
          "{\"action\":\"additions\",\"resourceRecords\":["
              + String.join(",", java.util.Collections.nCopies(1500, "{}"))
              + "]}";
      case 3 ->
          "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\"a.example.com.\","
              + "\"type\":\"TXT\",\"ttl\":"
              + "9".repeat(2000)
              + ",\"rrdatas\":[\"x\"]}}";
      default -> "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
