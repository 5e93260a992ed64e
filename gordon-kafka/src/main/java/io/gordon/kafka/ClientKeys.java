package io.gordon.kafka;

import io.gordon.api.PluginLoadException;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.Key;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.PluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code client} table both Kafka plugins accept: Kafka client properties passed through (TLS,
 * SASL, tuning). A value may be a string, number or boolean, or a reference {@code { env = "NAME"
 * }} / {@code { file = "path" }} so that secrets stay out of the file. Values of secret-looking
 * properties (passwords, keys, JAAS configs) are never logged.
 */
final class ClientKeys {
  private static final Pattern SECRET =
      Pattern.compile(
          ".*(password|secret|jaas|token|"
              + "credential|\\.key$|keystore\\.key|certificate\\.chain).*");

  /** The brokers to bootstrap from, each host:port. */
  static final Key<List<HostPort>> BOOTSTRAP_SERVERS =
      Key.hostPorts("bootstrap_servers")
          .rule(Rule.nonEmpty())
          .required("host:port of one or more brokers to bootstrap from" + " (bootstrap.servers).");

  /** Reads either kind's {@code client} key: they differ only in their documentation. */
  private static final Key<Map<String, Object>> CLIENT = client("consumer or producer");

  private ClientKeys() {}

  /** The {@code client} key of a Kafka {@code kind} (consumer or producer). */
  static Key<Map<String, Object>> client(String kind) {
    return Key.table("client")
        .defaultsTo(
            Map.of(),
            "Kafka "
                + kind
                + " properties passed through, e.g. { \"security.protocol\" = \"SASL_SSL\", "
                + "\"sasl.jaas.config\" = { env = \"KAFKA_JAAS\" } }. A value may be "
                + "{ env = \"NAME\" } or { file = \"path\" }; secret-looking values are never logged.");
  }

  /** bootstrap.servers as Kafka takes it: comma-separated host:port. */
  static String bootstrap(PluginConfig c) {
    return String.join(",", c.get(BOOTSTRAP_SERVERS).stream().map(HostPort::toString).toList());
  }

  /** Declares the {@code client} key. */
  static void client(ConfigSpec.Builder b, String kind) {
    b.key(client(kind));
  }

  /**
   * The {@code client} table as properties, references resolved.
   *
   * @param fixed properties gordon sets itself; naming one is an error
   */
  static Properties properties(PluginContext ctx, Map<String, String> fixed) {
    Map<String, Object> table = ctx.config().get(CLIENT);
    Properties p = new Properties();
    for (Map.Entry<String, Object> e : new TreeMap<>(table).entrySet()) {
      String key = e.getKey();
      if (fixed.containsKey(key)) {
        throw new PluginLoadException(
            ctx.pluginName(),
            ctx.pluginName()
                + ".client.\""
                + key
                + "\": gordon sets "
                + key
                + "="
                + fixed.get(key)
                + " itself; remove it");
      }
      p.put(key, value(ctx, key, e.getValue()));
    }
    return p;
  }

  private static String value(PluginContext ctx, String key, Object v) {
    String where = ctx.pluginName() + ".client.\"" + key + "\"";
    if (v instanceof Map<?, ?> ref && ref.size() == 1) {
      if (ref.get("env") instanceof String name) {
        String value = System.getenv(name);
        if (value == null) {
          throw new PluginLoadException(
              ctx.pluginName(), where + ": environment variable " + name + " is not set");
        }
        return value;
      }
      if (ref.get("file") instanceof String file) {
        Path path = ctx.configRoot().resolve(file);
        try {
          return Files.readString(path).strip();
        } catch (IOException e) {
          throw new PluginLoadException(
              ctx.pluginName(), where + ": cannot read " + path + ": " + e.getMessage(), e);
        }
      }
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    throw new PluginLoadException(
        ctx.pluginName(),
        where
            + ": expected a string, number, "
            + "boolean, { env = \"NAME\" } or { file = \"path\" }, got "
            + v);
  }

  /** {@code props} for a log line, secret-looking values redacted. */
  static String describe(Properties props) {
    Map<String, String> out = new TreeMap<>();
    props.forEach(
        (k, v) ->
            out.put(
                String.valueOf(k),
                SECRET.matcher(String.valueOf(k)).matches() ? "<redacted>" : String.valueOf(v)));
    return out.toString();
  }
}
