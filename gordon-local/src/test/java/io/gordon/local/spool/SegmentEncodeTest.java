package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Spool lines are written as each line's UTF-8 bytes and a line break, ASCII or not. */
class SegmentEncodeTest {
  private static final char[] ODD = {
    'é', 'ü', '名', '\u00a0', '\u007f', '\u0080', '\u07ff', '\u0800', '\uffff', '\ud83d', '\ude00'
  };

  @Test
  void encodedLinesAreEachLinesUtf8BytesFollowedByALineBreak() {
    Random random = new Random(7);
    for (int n = 0; n < 3_000; n++) {
      List<String> lines = new ArrayList<>();
      int count = random.nextInt(5);
      for (int i = 0; i < count; i++) {
        lines.add(line(random, n % 3 == 0));
      }
      assertThat(bytes(Segment.encode(lines))).as("%s", lines).isEqualTo(expected(lines));
    }
  }

  @Test
  void aNonAsciiCharacterInALaterLineStillEncodesEveryLine() {
    List<String> lines = List.of("{\"a\":1}", "", "{\"name\":\"h\u00e9\ud83d\ude00\ud83d\"}");
    assertThat(bytes(Segment.encode(lines))).isEqualTo(expected(lines));
  }

  private static String line(Random random, boolean odd) {
    StringBuilder sb = new StringBuilder();
    int len = random.nextInt(40);
    for (int i = 0; i < len; i++) {
      sb.append(
          odd && random.nextInt(10) == 0
              ? ODD[random.nextInt(ODD.length)]
              : (char) (0x20 + random.nextInt(0x5f)));
    }
    return sb.toString();
  }

  private static byte[] expected(List<String> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : lines) {
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static byte[] bytes(ByteBuffer buf) {
    byte[] b = new byte[buf.remaining()];
    buf.duplicate().get(b);
    return b;
  }
}
