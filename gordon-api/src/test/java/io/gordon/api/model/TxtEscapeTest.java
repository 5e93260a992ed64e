package io.gordon.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TXT escapes are read as BIND and Knot read them in a zone file. */
class TxtEscapeTest {

  @Test
  void aBackslashWithThreeDigitsIsOneOctet() {
    assertThat(Rdata.normalize(RecordType.TXT, "\"caf\\195\\169 \\065\""))
        .isEqualTo("\"caf\\195\\169 A\"");
  }

  @Test
  void aBackslashWithFewerThanThreeDigitsIsRefusedNotReadAsText() {
    assertThatThrownBy(() -> Rdata.normalize(RecordType.TXT, "\"\\1x\""))
        .hasMessage(
            "TXT rdata \"\"\\1x\"\" has escape \\1 (expected \\000 to \\255: a backslash and three"
                + " digits for one octet)");
    assertThatThrownBy(() -> Rdata.normalize(RecordType.TXT, "\"a\\12\""))
        .hasMessageContaining("has escape \\12 (expected");
  }

  @Test
  void digitsOfOtherScriptsAfterABackslashAreCharactersNotAnOctetValue() {
    // Arabic-Indic 1, 2, 3: Character.isDigit says yes and Integer.parseInt reads 123
    assertThat(Rdata.normalize(RecordType.TXT, "\"\\\u0661\u0662\u0663\""))
        .isEqualTo("\"\\217\\161\\217\\162\\217\\163\"");
  }

  @Test
  void anEscapedCharacterOutsideTheBasicPlaneKeepsItsFourOctets() {
    assertThat(Rdata.normalize(RecordType.TXT, "\"\\\uD83D\uDE00\""))
        .isEqualTo("\"\\240\\159\\152\\128\"");
  }
}
