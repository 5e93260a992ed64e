package io.gordon.testing.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Ports, binaries, keys and zone files shared by the server harnesses. */
final class ServerSupport {
  private static final List<String> SBIN =
      List.of("/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin", "/usr/local/bin", "/bin");

  private ServerSupport() {}

  /** A loopback port free for both TCP and UDP at the time of the call. */
  static int freePort() {
    InetAddress lo = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, lo)) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, port))) {
          return port;
        } catch (IOException udpBusy) {
          // the UDP side is taken: try another port
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open a loopback socket", e);
      }
    }
    throw new IllegalStateException("no loopback port free for both TCP and UDP after 50 tries");
  }

  /**
   * Finds {@code binary} on PATH or in the usual sbin directories; fails saying which package
   * provides it.
   */
  static Path binary(String binary, String debianPackage) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
    }
    dirs.addAll(SBIN);
    for (String d : dirs) {
      Path p = Path.of(d, binary);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        binary
            + " not found on PATH or in "
            + SBIN
            + ": install the Debian package "
            + debianPackage
            + " (bin/install-test-deps does)");
  }

  /** A random 256-bit TSIG secret, base64. */
  static String newSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Writes a minimal zone: SOA, NS ns1.<zone> and its address 127.0.0.1. */
  static Path writeZone(Path dir, String zone) {
    String z = absolute(zone);
    String text =
        "$TTL 300\n"
            + "@ IN SOA ns1."
            + z
            + " hostmaster."
            + z
            + " ( 1 3600 600 86400 300 )\n"
            + "  IN NS ns1."
            + z
            + "\n"
            + "ns1."
            + z
            + " IN A 127.0.0.1\n";
    Path file = dir.resolve(relative(zone) + ".zone");
    write(file, text);
    return file;
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp dir", e);
    }
  }

  static String absolute(String zone) {
    return zone.endsWith(".") ? zone.toLowerCase(Locale.ROOT) : zone.toLowerCase(Locale.ROOT) + ".";
  }

  static String relative(String zone) {
    String z = absolute(zone);
    return z.substring(0, z.length() - 1);
  }

  /** The last {@code lines} lines of {@code file}, or a note that it cannot be read. */
  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
