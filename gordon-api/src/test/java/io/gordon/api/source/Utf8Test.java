package io.gordon.api.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
  @Test
  void validTextHasNoInvalidByteEvenWhenItHoldsAReplacementCharacter() {
    assertThat(Utf8.firstInvalidByte("a\uFFFDb caf\u00e9".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(-1);
  }

  @Test
  void theFirstInvalidByteIsFoundAtItsOffsetIncludingOffsetZero() {
    assertThat(Utf8.firstInvalidByte("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo(3);
    assertThat(Utf8.firstInvalidByte(new byte[] {(byte) 0xFF, 'a'})).isZero();
  }

  @Test
  void aSequenceCutShortAtTheEndIsInvalidAtItsStart() {
    assertThat(Utf8.firstInvalidByte(new byte[] {'a', (byte) 0xC3})).isEqualTo(1);
  }
}
