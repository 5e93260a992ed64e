package io.gordon.api.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds the byte that makes a payload invalid UTF-8, so that a source can refuse it naming that
 * byte. Why: {@code new String(bytes, UTF_8)} replaces such bytes with U+FFFD, so without this
 * check a Latin-1 name reaches an error (or a zone) as "x\uFFFD" and the original bytes are lost.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * The offset of the first byte of {@code bytes} that is not valid UTF-8.
   *
   * @param bytes the payload as received
   * @return the offset of the first invalid byte, or -1 when all of {@code bytes} is valid UTF-8
   */
  public static int firstInvalidByte(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CoderResult result =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in, CharBuffer.allocate(Math.max(16, bytes.length)), true);
    return result.isError() ? in.position() : -1;
  }
}
