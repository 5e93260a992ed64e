import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The image's C library: the jlinked JRE is a dynamically linked glibc program, and the image
 * has no base, so the dynamic loader and every shared library that ldd resolves for bin/java and
 * the JRE's own libraries are copied from the build host, at the paths ldd names, with their
 * symlinks (the loader at the absolute path the binaries ask for).
 */
final class SystemLibraries {
  /**
   * JRE libraries only a desktop loads (an X11 display, native drawing through JAWT, the splash
   * screen, sound): their X11 and ALSA libraries would add megabytes that a headless service never
   * maps.
   */
  static final Set<String> DESKTOP_ONLY =
      Set.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libjsound.so");

  private SystemLibraries() {}

  /** A layer with the host libraries the JRE under {@code jre} needs, directories first, sorted. */
  static Tar of(Path jre) throws IOException, InterruptedException {
    Set<String> own = new TreeSet<>();
    List<Path> binaries;
    try (Stream<Path> all = Files.walk(jre.resolve("lib"))) {
      binaries = all.filter(p -> p.getFileName().toString().endsWith(".so")).sorted().toList();
    }
    binaries.forEach(p -> own.add(p.getFileName().toString()));
    Map<String, Path> files = new TreeMap<>(); // image name -> host file, or null for a directory
    Map<String, String> links = new TreeMap<>();
    for (Path b : Stream.concat(Stream.of(jre.resolve("bin/java")), binaries.stream()).toList()) {
      if (DESKTOP_ONLY.contains(b.getFileName().toString())) {
        continue;
      }
      for (String line : run("ldd", b.toString()).lines().map(String::trim).toList()) {
        String[] f = line.split("\\s+");
        if (line.startsWith("/")) { // the dynamic loader: "/lib64/ld-linux-x86-64.so.2 (0x..)"
          add(Path.of(f[0]), files, links);
        } else if (f.length >= 3 && f[1].equals("=>") && f[2].startsWith("/")) {
          if (!Path.of(f[2]).startsWith(jre)) {
            add(Path.of(f[2]), files, links);
          }
        } else if (line.contains("not found") && !own.contains(f[0])) {
          throw new IllegalStateException(b + " needs " + f[0] + ", which the build host lacks");
        }
      }
    }
    if (files.keySet().stream().noneMatch(n -> n.contains("/ld-linux"))) {
      throw new IllegalStateException("ldd named no dynamic loader (ld-linux*) for " + jre);
    }
    Set<String> dirs = new TreeSet<>();
    for (String n : Stream.concat(files.keySet().stream(), links.keySet().stream()).toList()) {
      for (Path d = Path.of(n).getParent(); d != null; d = d.getParent()) {
        dirs.add(d.toString());
      }
    }
    Map<String, Runnable> entries = new TreeMap<>();
    Tar t = new Tar();
    dirs.forEach(d -> entries.put(d, () -> t.dir(d, 0755, 0)));
    links.forEach((n, target) -> entries.put(n, () -> t.link(n, target, 0)));
    for (Map.Entry<String, Path> e : files.entrySet()) {
      byte[] data = Files.readAllBytes(e.getValue());
      int mode = Files.isExecutable(e.getValue()) ? 0755 : 0644;
      entries.put(e.getKey(), () -> t.add(e.getKey(), data, mode, 0));
    }
    entries.values().forEach(Runnable::run);
    return t;
  }

  /** {@code p} (named relative to /) and, if it is a symlink, the chain of files it leads to. */
  private static void add(Path p, Map<String, Path> files, Map<String, String> links)
      throws IOException {
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops > 8) {
        throw new IllegalStateException("symlink loop at " + p);
      }
      Path target = Files.readSymbolicLink(p);
      links.put(name(p), target.toString());
      p = p.getParent().resolve(target).normalize();
    }
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("not a file: " + p);
    }
    files.put(name(p), p);
  }

  private static String name(Path absolute) {
    return absolute.toString().substring(1);
  }

  /** Runs {@code cmd}, returns its standard output; fails with its output on a non-zero status. */
  static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }
}
