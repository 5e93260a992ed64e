package io.gordon.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.config.ConfigCheck;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.config.SourceKeys;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakePluginContextTest {
  static final Key<HostPort> LISTEN =
      Key.hostPort("listen").defaultsTo(new HostPort("127.0.0.1", 8053), "Listen.");
  static final Key<Duration> POLL =
      Key.duration("poll", Duration.ofSeconds(1), Rule.durationAtLeast(0.01), "Poll.");
  static final Key<Optional<String>> USER = Key.string("user").optional("User.");
  static final Key<Optional<String>> PASSWORD = Key.string("password").optional("Password.");
  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .keys(LISTEN, POLL, USER, PASSWORD)
          .check(ConfigCheck.together("to log in", USER, PASSWORD))
          .build();

  /** A source whose spec is {@link #SPEC}; the core adds the common source keys. */
  static final PluginFactory SOURCE =
      new PluginFactory() {
        @Override
        public String name() {
          return "test.source";
        }

        @Override
        public PluginKind kind() {
          return PluginKind.SOURCE;
        }

        @Override
        public String description() {
          return "A source.";
        }

        @Override
        public ConfigSpec configSpec() {
          return SPEC;
        }

        @Override
        public GordonPlugin create(PluginContext context) {
          throw new UnsupportedOperationException();
        }
      };

  private static FakePluginContext of(Map<String, ?> values) {
    return FakePluginContext.of(SOURCE, values, Clock.systemUTC(), Path.of("."), null);
  }

  @Test
  void valuesAreConvertedAndDefaultedAsTheCoreDoes() {
    FakePluginContext c = of(Map.of("listen", "[::1]:0", "poll", 0.5, "max_msg_age", "90s"));
    assertThat(c.config().get(LISTEN)).isEqualTo(new HostPort("::1", 0));
    assertThat(c.config().get(POLL)).isEqualTo(Duration.ofMillis(500));
    assertThat(c.config().get(SourceKeys.MAX_MSG_AGE)).contains(Duration.ofSeconds(90));
    assertThat(of(Map.of("poll", Duration.ofMillis(250))).config().get(POLL))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(of(Map.of()).config().get(LISTEN)).isEqualTo(new HostPort("127.0.0.1", 8053));
  }

  @Test
  void invalidValuesAndBrokenChecksAreRefusedWithTheCoresMessages() {
    assertThatThrownBy(() -> of(Map.of("listen", "localhost", "user", "u", "colour", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "test.source.colour: unknown key (expected one of: listen, poll, user,"
                + " password, max_msg_age); test.source.listen: invalid value \"localhost\""
                + " (expected host:port with a port from 0 to 65535 and IPv6 in brackets, e.g."
                + " 127.0.0.1:8053 or [::1]:8053)");
    assertThatThrownBy(() -> of(Map.of("user", "u")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "test.source.user: given without password (expected user and password"
                + " together, or none of them: to log in)");
  }
}
