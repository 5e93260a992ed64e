package io.gordon.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonFormatTest {
  @Test
  void theOriginalStreamFormatBecomesAnEquivalentLogbackPattern() {
    assertThat(PythonFormat.pattern(PythonFormat.DEFAULT_FMT, PythonFormat.DEFAULT_DATEFMT))
        .isEqualTo(
            "%d{\"yyyy-MM-dd'T'HH:mm:ss\", UTC}.%d{SSS, UTC}Z gordon \\(%pid\\) "
                + "%pylevel: %msg");
  }

  @Test
  void createdLevelnoAndWidthsAreTranslated() {
    assertThat(PythonFormat.pattern("%(created)f %(levelno)d %(name)-12s %(message)s", null))
        .isEqualTo("%created{6} %pylevelno %-12logger %msg");
  }

  @Test
  void pythonDefaultAsctimeKeepsItsCommaMilliseconds() {
    assertThat(PythonFormat.pattern("%(asctime)s %(message)s", null))
        .isEqualTo("%d{\"yyyy-MM-dd HH:mm:ss,SSS\", UTC} %msg");
  }

  @Test
  void literalPercentAndParenthesesAreEscaped() {
    assertThat(PythonFormat.pattern("100%% (%(threadName)s)", null))
        .isEqualTo("100\\% \\(%thread\\)");
  }
}
