package io.gordon.testing.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * BIND 9 ({@code named -g -c named.conf}) serving the given zones as primary on a free loopback
 * port, with {@code allow-update} and {@code allow-transfer} for the generated TSIG key only.
 *
 * <pre>{@code
 * try (BindServer bind = BindServer.start("example.test.")) {
 *   bind.hostPort(); bind.key().secret(); ...
 * }
 * }</pre>
 */
public final class BindServer extends DnsTestServer {
  private final boolean updateLog;
  private int controlPort;

  private BindServer(List<String> zones, TsigKey key, boolean updateLog) {
    super("named", zones, key);
    this.updateLog = updateLog;
    launch();
  }

  /** Starts BIND with a fresh key {@code gordon-key} (hmac-sha256) for {@code zones}. */
  public static BindServer start(String... zones) {
    return start(TsigKey.generate("gordon-key"), zones);
  }

  /** Starts BIND with {@code key} for {@code zones}. */
  public static BindServer start(TsigKey key, String... zones) {
    return new BindServer(List.of(zones), key, true);
  }

  /**
   * Starts BIND as {@link #start(String...)} does but without its log line per added or deleted RR
   * (category {@code update}): run in the foreground with {@code -f}, as systemd runs it, so that
   * named.conf's {@code logging} applies ({@code -g} sends every category to stderr whatever it
   * says). For benchmarks: the update log costs BIND a third of its CPU per RR (docs/rfc2136.md);
   * tests that read the update order from the log use {@link #start(String...)}.
   */
  public static BindServer startWithoutUpdateLog(String... zones) {
    return new BindServer(List.of(zones), TsigKey.generate("gordon-key"), false);
  }

  /**
   * Runs {@code rndc} against this server with {@code args} (e.g. {@code freeze example.test}) and
   * returns its output; fails when rndc does.
   */
  public String rndc(String... args) {
    Path conf = dir().resolve("rndc.conf");
    ServerSupport.write(
        conf,
        "key \""
            + key().name()
            + "\" { algorithm "
            + key().algorithm()
            + "; secret \""
            + key().secret()
            + "\"; };\noptions { default-key \""
            + key().name()
            + "\"; default-server 127.0.0.1;"
            + " default-port "
            + controlPort
            + "; };\n");
    List<String> command = new ArrayList<>(List.of("rndc", "-c", conf.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  @Override
  List<String> configure(Path dir, int port) {
    Path named = ServerSupport.binary("named", "bind9");
    controlPort = ServerSupport.freePort();
    StringBuilder conf = new StringBuilder();
    conf.append("key \"")
        .append(key().name())
        .append("\" {\n  algorithm ")
        .append(key().algorithm())
        .append(";\n  secret \"")
        .append(key().secret())
        .append("\";\n};\n");
    conf.append("options {\n")
        .append("  directory \"")
        .append(dir)
        .append("\";\n")
        .append("  pid-file \"")
        .append(dir.resolve("named.pid"))
        .append("\";\n")
        .append("  session-keyfile \"")
        .append(dir.resolve("session.key"))
        .append("\";\n")
        .append("  managed-keys-directory \"")
        .append(dir)
        .append("\";\n")
        .append("  listen-on port ")
        .append(port)
        .append(" { 127.0.0.1; };\n")
        .append("  listen-on-v6 { none; };\n")
        .append("  recursion no;\n  dnssec-validation no;\n  notify no;\n")
        .append("  allow-query { 127.0.0.1; };\n")
        .append("};\ncontrols { inet 127.0.0.1 port ")
        .append(controlPort)
        .append(" allow { 127.0.0.1; } keys { \"")
        .append(key().name())
        .append("\"; }; };\n")
        .append("logging {\n  channel out { stderr; severity info; print-time yes; };\n")
        .append("  category default { out; };\n  category update { null; };\n};\n");
    for (String zone : zones()) {
      Path file = ServerSupport.writeZone(dir, zone);
      conf.append("zone \"")
          .append(ServerSupport.relative(zone))
          .append("\" {\n")
          .append("  type primary;\n  file \"")
          .append(file)
          .append("\";\n")
          .append("  allow-update { key \"")
          .append(key().name())
          .append("\"; };\n")
          .append("  allow-transfer { key \"")
          .append(key().name())
          .append("\"; };\n")
          .append("};\n");
    }
    Path confFile = dir.resolve("named.conf");
    ServerSupport.write(confFile, conf.toString());
    return List.of(named.toString(), updateLog ? "-g" : "-f", "-c", confFile.toString());
  }
}
