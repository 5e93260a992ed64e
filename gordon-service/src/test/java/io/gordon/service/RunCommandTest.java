package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunCommandTest {
  @Test
  void runAloneOrWithAConfigRootStartsWithoutPicocli() {
    assertThat(RunCommand.plain(new String[] {"run"})).isTrue();
    assertThat(RunCommand.plain(new String[] {"run", "-c", "/etc/gordon"})).isTrue();
    assertThat(RunCommand.plain(new String[] {"run", "--config-root", "etc"})).isTrue();
  }

  @Test
  void everyOtherFormGoesThroughPicocli() {
    assertThat(RunCommand.plain(new String[0])).isFalse();
    assertThat(RunCommand.plain(new String[] {"run", "--help"})).isFalse();
    assertThat(RunCommand.plain(new String[] {"run", "-c"})).isFalse();
    assertThat(RunCommand.plain(new String[] {"run", "-c", "--help"})).isFalse();
    assertThat(RunCommand.plain(new String[] {"run", "-x", "etc"})).isFalse();
    assertThat(RunCommand.plain(new String[] {"config", "-c", "etc"})).isFalse();
    assertThat(RunCommand.plain(new String[] {"run", "-c", "etc", "extra"})).isFalse();
  }
}
