package io.gordon.benchmarks.rfc2136;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds from {@code /proc}: what a process used, whatever else the machine runs. On a shared
 * machine wall-clock rates move with the load; CPU per record does not (much).
 */
final class Cpu {
  private static final double TICKS = 100.0;

  private Cpu() {}

  /** CPU seconds (user + system) of process {@code pid} so far. */
  static double of(long pid) {
    return fields(pid, 13, 14);
  }

  /**
   * Seconds the threads of process {@code pid} so far spent runnable but waiting for a CPU (the
   * second field of {@code /proc/PID/task/TID/schedstat}): how much the machine's other load, this
   * JVM included, held BIND back.
   */
  static double waited(long pid) {
    double sum = 0;
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path t : tasks.toList()) {
        try {
          sum += Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[1]);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return sum / 1e9;
  }

  /** CPU seconds of this JVM so far. */
  static double self() {
    return of(ProcessHandle.current().pid());
  }

  /** CPU seconds of this JVM's children that ended and were waited for (nsupdate). */
  static double children() {
    return fields(ProcessHandle.current().pid(), 15, 16);
  }

  private static double fields(long pid, int user, int system) {
    return fields(Path.of("/proc/" + pid + "/stat"), user, system);
  }

  private static double fields(Path file, int user, int system) {
    try {
      String stat = Files.readString(file);
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[user - 2]) + Long.parseLong(f[system - 2])) / TICKS;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Prints (stderr) the CPU seconds of this JVM's live threads so far, summed by name with digits
   * folded: JIT compiler threads, GC, the carriers of virtual threads (gordon's work).
   */
  static void printThreads() throws IOException {
    printThreads(java.util.Map.of(), threads());
  }

  /** The CPU seconds of this JVM's live threads so far, summed by name with digits folded. */
  static java.util.Map<String, Double> threads() throws IOException {
    java.util.Map<String, Double> by = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : tasks.toList()) {
        try {
          String name = Files.readString(t.resolve("comm")).trim().replaceAll("[0-9]+", "N");
          by.merge(name, fields(t.resolve("stat"), 13, 14), Double::sum);
        } catch (IOException e) {
          // the thread ended meanwhile: NoSuchFileException, or ESRCH ("No such process") when it
          // ended between opening its comm file and reading it (an e2e round died of that)
        }
      }
    }
    return by;
  }

  /** Prints (stderr) what each thread name used between two {@link #threads()} snapshots. */
  static void printThreads(
      java.util.Map<String, Double> before, java.util.Map<String, Double> now) {
    java.util.Map<String, Double> by = new java.util.TreeMap<>();
    now.forEach((k, v) -> by.put(k, v - before.getOrDefault(k, 0.0)));
    by.entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
        .limit(8)
        .forEach(
            e ->
                System.err.printf(
                    java.util.Locale.ROOT, "thread cpu %6.2f s %s%n", e.getValue(), e.getKey()));
  }

  /**
   * Microseconds per event by group of threads: the server's work (the carriers of virtual threads,
   * on which local.http, the spool and the router run), the benchmark's HTTP client (its selector,
   * workers and producers), GC, JIT and the rest; so the server's share can be followed without the
   * client's.
   */
  static String shares(java.util.Map<String, Double> by, int events) {
    java.util.Map<String, Double> groups = new java.util.LinkedHashMap<>();
    for (String g : new String[] {"server", "client", "gc", "jit", "other"}) {
      groups.put(g, 0.0);
    }
    by.forEach((name, s) -> groups.merge(group(name), s, Double::sum));
    StringBuilder sb = new StringBuilder();
    groups.forEach(
        (g, s) ->
            sb.append(String.format(java.util.Locale.ROOT, "%s %.1f, ", g, s * 1e6 / events)));
    return sb.substring(0, sb.length() - 2);
  }

  private static String group(String thread) {
    if (thread.startsWith("ForkJoinPool-")) {
      return "server";
    }
    if (thread.startsWith("HttpClient") || thread.startsWith("pool-")) {
      return "client";
    }
    if (thread.startsWith("GC ") || thread.startsWith("G1 ") || thread.startsWith("GN ")) {
      return "gc"; // digits are folded to N: G1 Refine reads "GN Refine"
    }
    if (thread.contains("CompilerThre")) {
      return "jit";
    }
    if (thread.startsWith("gordon-source") || thread.startsWith("dnsjava")) {
      return "server"; // the spool reader's thread; the provider's TCP selector
    }
    return "other";
  }
}
