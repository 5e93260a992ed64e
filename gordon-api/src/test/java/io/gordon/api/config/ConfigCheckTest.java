package io.gordon.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigCheckTest {
  static final Key<Optional<String>> NAME = Key.string("key_name").optional("Key name.");
  static final Key<Optional<Secret>> SECRET = Key.secret("key_secret").optional("Secret.");
  static final Key<String> ALGORITHM =
      Key.string("algorithm", "hmac-sha256", Rule.any(), "Algorithm.");
  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .keys(NAME, SECRET, ALGORITHM)
          .check(ConfigCheck.together("both to sign, neither to send unsigned", NAME, SECRET))
          .check(ConfigCheck.requires(ALGORITHM, NAME, "it signs with the key"))
          .build();

  private static String problems(Map<String, ?> written) {
    return String.join(
        "\n",
        SPEC.read(written, Path.of("."), n -> null).problems().stream()
            .map(ConfigCheck.Problem::toString)
            .toList());
  }

  @Test
  void keysThatGoTogetherAreReportedAtTheOneWritten() {
    assertThat(problems(Map.of("key_name", "k")))
        .isEqualTo(
            "key_name: given without key_secret"
                + " (expected key_name and key_secret together, or none of them: both to sign, neither"
                + " to send unsigned)");
    assertThat(problems(Map.of("key_secret", "c2VjcmV0")))
        .isEqualTo(
            "key_secret: given without"
                + " key_name (expected key_name and key_secret together, or none of them: both to sign,"
                + " neither to send unsigned)");
    assertThat(problems(Map.of("key_name", "k", "key_secret", "c2VjcmV0"))).isEmpty();
    assertThat(problems(Map.of())).isEmpty();
  }

  @Test
  void aDefaultedKeyDoesNotCountAsWrittenButAWrittenOneDoes() {
    assertThat(problems(Map.of("algorithm", "hmac-sha512")))
        .isEqualTo(
            "algorithm: given"
                + " without key_name (expected key_name as well: it signs with the key)");
  }

  @Test
  void checksRunOnlyOnceEveryKeyIsValid() {
    assertThat(problems(Map.of("key_name", 5L)))
        .isEqualTo("key_name: invalid value 5" + " (expected a string)");
  }
}
