package io.gordon.testing.config;

import io.gordon.testing.dns.DnsTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gordon.toml of a test that runs the service or a command: the tables every such test wrote
 * out again (the route consume, publish, cleanup; the admin server; logging to the stream; the
 * dead-letter file under var/) written once, plus the test's own tables. Starts from {@link
 * #plugins}; {@link #text()} is the file.
 */
public final class TestToml {
  private final List<String> plugins;
  private final List<String> coreLines = new ArrayList<>();
  private final StringBuilder tables = new StringBuilder();
  private String level = "info";
  private boolean admin;

  private TestToml(List<String> plugins) {
    this.plugins = List.copyOf(plugins);
  }

  /** A configuration running {@code names} (core.plugins), with the admin server off. */
  public static TestToml plugins(String... names) {
    return new TestToml(List.of(names));
  }

  /** Adds a key of the {@code [core]} table, e.g. {@code max_msg_age = "3s"}. */
  public TestToml core(String line) {
    coreLines.add(line);
    return this;
  }

  /** Runs the admin server on a free port (it is off otherwise). */
  public TestToml adminOnFreePort() {
    admin = true;
    return this;
  }

  /** Logs at {@code level} (info otherwise), e.g. warning to keep a command's output short. */
  public TestToml level(String level) {
    this.level = level;
    return this;
  }

  /** Appends the test's own tables (TOML text). */
  public TestToml tables(String toml) {
    tables.append(toml.endsWith("\n") ? toml : toml + "\n");
    return this;
  }

  /**
   * Appends a {@code [kafka.event_consumer]} table reading {@code topic} in consumer group {@code
   * group}, tuned to rebalance within seconds when a member stops or is killed (2 s revoke grace, 6
   * s session timeout, 1 s heartbeats), as the scale-out tests and benchmark need.
   */
  public TestToml kafkaGroupMember(String bootstrap, String topic, String group) {
    return tables(
        """
        [kafka.event_consumer]
        bootstrap_servers = "%s"
        topics = ["%s"]
        group_id = "%s"
        revoke_grace = "2s"
        [kafka.event_consumer.client]
        "session.timeout.ms" = 6000
        "heartbeat.interval.ms" = 1000
        """
            .formatted(bootstrap, topic, group));
  }

  /**
   * Appends the {@code [rfc2136]} table sending to {@code server} with its TSIG key, for {@code
   * zones}, and {@code more} keys of that table (e.g. {@code timeout = "2s"}; may be empty).
   */
  public TestToml rfc2136(DnsTestServer server, List<String> zones, String more) {
    return tables(
        """
        [rfc2136]
        server = "%s"
        zones = [%s]
        tsig_key_name = "%s"
        tsig_algorithm = "%s"
        tsig_secret = "%s"
        %s
        """
            .formatted(
                server.hostPort(),
                quoted(zones),
                server.key().name(),
                server.key().algorithm(),
                server.key().secret(),
                more));
  }

  /** The file's text. */
  public String text() {
    return """
        [core]
        plugins = [%s]
        %s
        [core.route]
        consume = "publish"
        publish = "cleanup"
        [core.admin]
        %s
        [core.logging]
        level = "%s"
        handlers = ["stream"]
        [core.dead_letter]
        path = "var/dead-letters.jsonl"
        %s"""
        .formatted(
            quoted(plugins),
            String.join("\n", coreLines),
            admin ? "listen = \"127.0.0.1:0\"" : "enabled = false",
            level,
            tables);
  }

  @Override
  public String toString() {
    return text();
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
  }
}
