package io.gordon.testing.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestTomlTest {
  @Test
  void theSharedTablesComeFirstThenTheTestsOwn() {
    assertThat(
            TestToml.plugins("local.http", "rfc2136")
                .core("max_msg_age = \"3s\"")
                .tables("[local.http]\nlisten = \"127.0.0.1:0\"")
                .text())
        .isEqualTo(
            """
            [core]
            plugins = ["local.http", "rfc2136"]
            max_msg_age = "3s"
            [core.route]
            consume = "publish"
            publish = "cleanup"
            [core.admin]
            enabled = false
            [core.logging]
            level = "info"
            handlers = ["stream"]
            [core.dead_letter]
            path = "var/dead-letters.jsonl"
            [local.http]
            listen = "127.0.0.1:0"
            """);
  }

  @Test
  void theAdminServerRunsOnAFreePortAndTheLevelIsTheTestsWhenAsked() {
    String toml = TestToml.plugins("local.file").adminOnFreePort().level("warning").toString();
    assertThat(toml)
        .contains("[core.admin]\nlisten = \"127.0.0.1:0\"\n")
        .contains("[core.logging]\nlevel = \"warning\"\n")
        .doesNotContain("enabled = false");
  }

  @Test
  void aKafkaGroupMemberReadsItsTopicInItsGroupAndRebalancesWithinSeconds() {
    String toml =
        TestToml.plugins("kafka.event_consumer")
            .kafkaGroupMember("127.0.0.1:9092", "dns", "g1")
            .toString();
    assertThat(toml)
        .contains(
            """
            [kafka.event_consumer]
            bootstrap_servers = "127.0.0.1:9092"
            topics = ["dns"]
            group_id = "g1"
            revoke_grace = "2s"
            [kafka.event_consumer.client]
            "session.timeout.ms" = 6000
            "heartbeat.interval.ms" = 1000
            """);
  }
}
