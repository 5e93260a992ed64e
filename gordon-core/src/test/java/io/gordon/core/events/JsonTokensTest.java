package io.gordon.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gordon.core.events.JsonTokens.Token;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast reader's tokens are Jackson's: every document {@link JsonTokens} reads to its end
 * without refusing gives the tokens and values that Jackson's parser with the codec's settings
 * gives; and what it refuses is outside its subset (escapes, other numbers, literals, broken JSON).
 */
class JsonTokensTest {
  /** The codec's parser; duplicate keys are the reader's business, not the tokens'. */
  private static final JsonFactory JACKSON =
      JsonEventCodec.MAPPER
          .getFactory()
          .copy()
          .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final String NOISE =
      "{}[]\",: \t\n\r\\0123456789-.eEnultrfabu/\u00e9\uFEFF\u0001x";

  @Test
  void everyDocumentReadToItsEndHasJacksonsTokens() {
    EventGenerator gen = new EventGenerator(1201L);
    Random r = gen.random();
    int read = 0;
    int valid = 0;
    for (int i = 0; i < 20_000; i++) {
      String doc = document(gen, r, i);
      List<String> mine = tokens(doc);
      if (mine == null) {
        continue;
      }
      read++;
      assertThat(jackson(doc)).as(doc).isEqualTo(mine);
      valid += i % 4 == 0 ? 1 : 0;
    }
    assertThat(read).as("documents read to the end").isGreaterThan(6_000);
    assertThat(valid).as("codec-written events read to the end").isGreaterThan(4_900);
  }

  @Test
  void whatIsOutsideTheSubsetIsRefused() {
    for (String doc :
        List.of(
            "{\"a\":\"b\\qc\"}",
            "{\"a\":\"b\\u12\"}",
            "{\"a\":\"b\\u\uFF10\uFF10\uFF10\uFF10\"}",
            "{\"a\":\"b\\",
            "{\"a\":\"\u0001\"}",
            "{\"a\":0300}",
            "{\"a\":-1}",
            "{\"a\":1.0}",
            "{\"a\":1e2}",
            "{\"a\":12345678901}",
            "{\"a\":2147483648}",
            "{\"a\":true}",
            "{\"a\":nul}",
            "{\"a\":nullx}",
            "{\"a\":1x}",
            "{\"a\":1,}",
            "{\"a\":1 \"b\":2}",
            "{\"a\" 1}",
            "{a:1}",
            "[1,]",
            "[1 2]",
            "\uFEFF{}",
            "{} {}",
            "{\"a\":[[[[[[[[1]]]]]]]]}",
            "{\"a\":\"open}",
            "{\"a\":",
            "{\"a\"\u00a0:1}",
            "")) {
      assertThat(tokens(doc)).as(doc).isNull();
    }
    assertThat(tokens("{\"a\":[[[[[[1]]]]]]}")).isNotNull();
    assertThat(tokens("{\"a\":\"\\\"q\\\\ \\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\ude00\"}"))
        .containsExactly(
            "START_OBJECT",
            "FIELD_NAME a",
            "STRING \"q\\ /\b\f\n\r\t\u00e9\uD83D\ude00",
            "END_OBJECT",
            "END");
    assertThat(tokens(" {\"a\" : [ 0 , null , \"\u00e9\" ] }\r\n"))
        .containsExactly(
            "START_OBJECT",
            "FIELD_NAME a",
            "START_ARRAY",
            "INT 0",
            "NULL",
            "STRING \u00e9",
            "END_ARRAY",
            "END_OBJECT",
            "END");
  }

  @Test
  void anEventsMemberNamesAreReadAsOneInstanceEachAndOtherNamesAsWritten() {
    String doc =
        "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\"a.example.\","
            + "\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\"192.0.2.1\"]},"
            + "\"nam\":1,\"names\":2,\"n\\u0061me\":3,\"\":4}";
    JsonTokens t = new JsonTokens(doc);
    List<String> names = new ArrayList<>();
    for (Token k = t.next(); k != Token.END; k = t.next()) {
      if (k == Token.FIELD_NAME) {
        names.add(t.text());
      }
    }
    assertThat(names)
        .containsExactly(
            "action",
            "resourceRecords",
            "name",
            "type",
            "ttl",
            "rrdatas",
            "nam",
            "names",
            "name",
            "");
    assertThat(names.get(0)).isSameAs("action");
    assertThat(names.get(2)).isSameAs("name");
    assertThat(names.get(5)).isSameAs("rrdatas");
    assertThat(names.get(8)).isNotSameAs("name"); // escaped: read by string(), same text
  }

  @Test
  void aStringLongerThanTheCodecsLimitIsRefused() {
    String at = "\"" + "x".repeat(JsonEventCodec.MAX_STRING) + "\"";
    assertThat(tokens("{\"a\":" + at + "}")).hasSize(5);
    assertThat(tokens("{\"a\":\"x" + at.substring(1) + "}")).isNull();
  }

  private static String document(EventGenerator gen, Random r, int i) {
    String valid = JsonEventCodecTest.CODEC.encode(gen.event());
    return switch (i % 4) {
      case 0 -> valid;
      case 1 -> EventFuzzTest.input(gen, r, r.nextInt(8));
      case 2 -> valid.replace(":", " :\t").replace(",", " ,\n");
      default -> mutate(valid, r);
    };
  }

  /** One to three characters of {@code s} replaced, inserted or deleted. */
  private static String mutate(String s, Random r) {
    StringBuilder b = new StringBuilder(s);
    for (int n = 1 + r.nextInt(3); n > 0; n--) {
      int at = r.nextInt(b.length());
      char c = NOISE.charAt(r.nextInt(NOISE.length()));
      switch (r.nextInt(3)) {
        case 0 -> b.setCharAt(at, c);
        case 1 -> b.insert(at, c);
        default -> b.deleteCharAt(at);
      }
    }
    return b.toString();
  }

  /** The tokens with their values, or null when refused. */
  private static List<String> tokens(String doc) {
    JsonTokens t = new JsonTokens(doc);
    List<String> out = new ArrayList<>();
    try {
      Token k;
      do {
        k = t.next();
        out.add(
            switch (k) {
              case FIELD_NAME, STRING -> k + " " + t.text();
              case INT -> k + " " + t.intValue();
              default -> k.name();
            });
      } while (k != Token.END);
      return out;
    } catch (RuntimeException e) {
      assertThat(e).isSameAs(JsonTokens.REFUSED);
      return null;
    }
  }

  private static List<String> jackson(String doc) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JACKSON.createParser(doc)) {
      JsonToken k;
      while ((k = p.nextToken()) != null) {
        out.add(
            switch (k) {
              case START_OBJECT -> "START_OBJECT";
              case END_OBJECT -> "END_OBJECT";
              case START_ARRAY -> "START_ARRAY";
              case END_ARRAY -> "END_ARRAY";
              case FIELD_NAME -> "FIELD_NAME " + p.currentName();
              case VALUE_STRING -> "STRING " + p.getText();
              case VALUE_NUMBER_INT ->
                  p.getNumberType() == JsonParser.NumberType.INT
                      ? "INT " + p.getIntValue()
                      : "LONG " + p.getText();
              case VALUE_NULL -> "NULL";
              default -> k.name();
            });
      }
      out.add("END");
      return out;
    } catch (IOException e) {
      return List.of("Jackson refused: " + e.getMessage());
    }
  }
}
