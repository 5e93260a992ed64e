package io.gordon.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code bin/gordon run} process on a config directory of its own, its output in a log
 * file. Ports are 0 in the config; the bound HTTP port is read from the log.
 */
final class GordonProcess implements AutoCloseable {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LISTENING =
      Pattern.compile("local\\.http listening on http://127\\.0\\.0\\.1:(\\d+)/v1/events");
  private final Path configDir;
  private final Path log;
  private final Process process;

  private GordonProcess(Path configDir, Path log, Process process) {
    this.configDir = configDir;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code bin/gordon run -c configDir}; appends output to {@code configDir/gordon.log}. */
  static GordonProcess start(Path configDir) throws IOException {
    return start(
        REPO.resolve("bin/gordon"),
        configDir,
        Map.of("GORDON_NO_BUILD", "1"),
        "run",
        "-c",
        configDir.toString());
  }

  /**
   * Starts {@code launcher args...} in {@code dir} with {@code env} replacing the variables it
   * names; appends output to {@code dir/gordon.log}.
   */
  static GordonProcess start(Path launcher, Path dir, Map<String, String> env, String... args)
      throws IOException {
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException(launcher + " is missing or not executable");
    }
    Path log = dir.resolve("gordon.log");
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    return new GordonProcess(dir, log, pb.start());
  }

  /** The HTTP port local.http logged, waiting up to 60 s for it. */
  int httpPort() {
    int[] port = new int[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .failFast("gordon exited: " + tail(), () -> !process.isAlive())
        .until(() -> listening().map(p -> port[0] = p).isPresent());
    return port[0];
  }

  private Optional<Integer> listening() throws IOException {
    Matcher m = LISTENING.matcher(logText());
    Integer last = null;
    while (m.find()) {
      last = Integer.parseInt(m.group(1));
    }
    return Optional.ofNullable(last);
  }

  /** Kills the process with SIGKILL and waits for it to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Sends SIGTERM and waits up to 60 s; returns the exit status. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  /** Sends signal {@code name} (e.g. HUP) with kill(1), waits up to 60 s; the exit status. */
  int signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
        .inheritIO()
        .start()
        .waitFor();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("gordon still runs 60 s after SIG" + name + ": " + tail());
    }
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** The last lines of the log, for failure messages. */
  String tail() {
    try {
      String[] lines = logText().split("\n");
      int from = Math.max(0, lines.length - 40);
      return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  Path configDir() {
    return configDir;
  }

  /** The started process (a wrapper such as unshare when the service runs in a namespace). */
  ProcessHandle handle() {
    return process.toHandle();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
