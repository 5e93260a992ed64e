package io.gordon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.PluginLoadException;
import io.gordon.testing.fakes.FakePluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConfigTest {
  @TempDir Path dir;

  FakePluginContext context(Map<String, Object> client) {
    return FakePluginContext.of(
        "kafka.event_consumer",
        KafkaConsumerFactory.SPEC,
        Map.of(
            "bootstrap_servers",
            List.of("b1:9092", "b2:9092"),
            "topics",
            List.of("dns"),
            "group_id",
            "gordon",
            "client",
            client),
        Clock.systemUTC(),
        dir,
        Kafka.CODEC);
  }

  @Test
  void theClientTablePassesThroughUnderGordonsOwnSettings() {
    KafkaSettings s =
        KafkaSettings.from(
            context(
                Map.of(
                    "security.protocol",
                    "SSL",
                    "max.poll.records",
                    50L,
                    "auto.offset.reset",
                    "latest")));
    assertThat(s.consumer())
        .containsEntry("bootstrap.servers", "b1:9092,b2:9092")
        .containsEntry("group.id", "gordon")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("max.poll.records", "50")
        .containsEntry("auto.offset.reset", "latest")
        .containsEntry("enable.auto.commit", "false");
    assertThat(s.topics()).containsExactly("dns");
    assertThat(s.maxBuffered()).isEqualTo(1000);
  }

  @Test
  void aPropertyGordonSetsItselfIsRejectedByName() {
    assertThatThrownBy(() -> KafkaSettings.from(context(Map.of("enable.auto.commit", "true"))))
        .isInstanceOf(PluginLoadException.class)
        .hasMessage(
            "kafka.event_consumer.client.\"enable.auto.commit\": gordon sets "
                + "enable.auto.commit=false itself; remove it");
  }

  @Test
  void aValueMayComeFromAFileOrTheEnvironment() throws Exception {
    Files.writeString(
        dir.resolve("jaas"),
        "org.apache.kafka.common.security.plain."
            + "PlainLoginModule required username=\"u\" password=\"p\";\n");
    Properties p =
        ClientKeys.properties(
            context(Map.of("sasl.jaas.config", Map.of("file", "jaas"))), Map.of());
    assertThat(p.getProperty("sasl.jaas.config")).endsWith("password=\"p\";");
    assertThatThrownBy(
            () ->
                ClientKeys.properties(
                    context(
                        Map.of("sasl.jaas.config", Map.of("env", "GORDON_TEST_UNSET_VARIABLE"))),
                    Map.of()))
        .hasMessage(
            "kafka.event_consumer.client.\"sasl.jaas.config\": environment variable "
                + "GORDON_TEST_UNSET_VARIABLE is not set");
  }

  @Test
  void secretLookingValuesAreRedactedInLogs() {
    Properties p = new Properties();
    p.put("sasl.jaas.config", "... password=\"hunter2\";");
    p.put("ssl.key.password", "hunter2");
    p.put("ssl.keystore.key", "-----BEGIN");
    p.put("security.protocol", "SASL_SSL");
    assertThat(ClientKeys.describe(p))
        .isEqualTo(
            "{sasl.jaas.config=<redacted>, "
                + "security.protocol=SASL_SSL, ssl.key.password=<redacted>, "
                + "ssl.keystore.key=<redacted>}");
  }

  @Test
  void aNestedTableThatIsNoReferenceIsRejected() {
    assertThatThrownBy(
            () ->
                ClientKeys.properties(context(Map.of("ssl", Map.of("a", "b", "c", "d"))), Map.of()))
        .hasMessageStartingWith(
            "kafka.event_consumer.client.\"ssl\": "
                + "expected a string, number, boolean, { env = \"NAME\" } or { file = \"path\" }, "
                + "got ");
  }
}
