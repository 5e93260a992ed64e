import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds gordon's OCI image without a Docker daemon and without a base image (no registry is
 * reachable from the build machines): a JRE made with jlink from the building JDK, the jars of
 * the release, the C library the JRE is linked against (taken from the build host) and a minimal
 * root filesystem, written as an OCI image layout (target/oci/) and
 * as an oci-archive tar. JDK only; compiled and run by Maven (gordon-service/pom.xml,
 * exec-maven-plugin):
 *
 * <pre>
 * javac -d TARGET_DIR/oci-tool deploy/image/*.java
 * java -cp TARGET_DIR/oci-tool OciImage TARGET_DIR REPO_ROOT VERSION
 * </pre>
 *
 * Layers are reproducible: sorted entries, mtime 0, numeric owners, gzip without a time stamp.
 */
public final class OciImage {
  static final int UID = 10001;
  static final String APP = "opt/gordon";
  static final List<String> MODULES = List.of("java.base", "java.compiler", "java.desktop",
      "java.logging", "java.management", "java.naming", "java.net.http", "java.security.jgss",
      "java.sql", "java.xml", "jdk.crypto.ec", "jdk.httpserver", "jdk.jfr", "jdk.management",
      "jdk.naming.dns", "jdk.unsupported", "jdk.zipfs");
  /** The launcher's JVM settings, shared with the image (NAME="value" lines). */
  static final String JVM_SETTINGS = "bin/jvm-options.sh";

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]).toAbsolutePath();
    Path repo = Path.of(args[1]).toAbsolutePath();
    String version = args[2];
    Path work = Files.createDirectories(target.resolve("oci-work"));
    // One build at a time per build directory: two at once (bin/bench's package next to a
    // verify, say) deleted and re-linked the JRE under each other, and one failed with
    // "ldd .../libX.so: No such file" when the file it had listed was gone (the lock is the
    // system's, released when the process ends, however it ends).
    try (FileChannel lockFile = FileChannel.open(work.resolve("build.lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      build(target, repo, version, work);
    }
  }

  private static void build(Path target, Path repo, String version, Path work)
      throws IOException, InterruptedException {
    Path jre = jlink(work);
    Path layout = target.resolve("oci");
    deleteTree(layout);
    Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
    List<Blob> layers = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    String libc = libcVersion();
    for (Tar layer : List.of(base(repo), SystemLibraries.of(jre), tree(jre, "opt/java", 0),
        libraries(target, false),
        libraries(target, true).addFile(repo.resolve("bin/gordon"), APP + "/bin/gordon", 0755, 0)
            .addFile(repo.resolve("bin/jdk.sh"), APP + "/bin/jdk.sh", 0644, 0)
            .addFile(repo.resolve(JVM_SETTINGS), APP + "/" + JVM_SETTINGS, 0644, 0))) {
      byte[] tar = layer.finish();
      diffIds.add("sha256:" + sha256(tar));
      layers.add(Blob.write(blobs, gzip(tar)));
    }
    JvmSettings jvm = JvmSettings.read(repo.resolve(JVM_SETTINGS), Runtime.version().feature());
    Blob config = Blob.write(blobs,
        config(version, diffIds, jvm, libc).getBytes(StandardCharsets.UTF_8));
    Blob manifest = Blob.write(blobs, manifest(config, layers).getBytes(StandardCharsets.UTF_8));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"mediaType\":"
        + "\"application/vnd.oci.image.index.v1+json\",\"manifests\":[" + manifest.descriptor(
        "application/vnd.oci.image.manifest.v1+json", ",\"annotations\":{"
            + "\"org.opencontainers.image.ref.name\":\"" + version + "\"}") + "]}");
    Files.write(target.resolve("gordon-" + version + "-oci.tar"), tree(layout, "", 0).finish());
    System.out.println("OciImage: wrote " + layout + " and gordon-" + version + "-oci.tar ("
        + layers.size() + " layers, JRE from " + System.getProperty("java.home") + ", " + libc
        + ")");
  }

  /** The JRE, made once per build directory (jlink takes a while). */
  static Path jlink(Path work) throws IOException, InterruptedException {
    Path jre = work.resolve("jre");
    Path stamp = work.resolve("jre.modules");
    String wanted = String.join(",", MODULES);
    // A JRE linked for another module list (an older build) is made again.
    if (Files.isExecutable(jre.resolve("bin/java")) && Files.isRegularFile(stamp)
        && Files.readString(stamp).equals(wanted)) {
      return jre;
    }
    // The stamp goes first and the JRE is linked aside and moved in whole: a build stopped half
    // way never leaves a JRE that passes for complete (it did: the old stamp stayed while the
    // new JRE was half written).
    Files.deleteIfExists(stamp);
    deleteTree(jre);
    Path partial = work.resolve("jre.partial");
    deleteTree(partial);
    Path home = Path.of(System.getProperty("java.home"));
    // JDKs without jmods/ (JEP 493) link from their own run-time image.
    Set<String> available = Set.copyOf(ModuleLayer.boot().configuration().modules().stream()
        .map(m -> m.name()).toList());
    List<String> modules = MODULES.stream().filter(available::contains).toList();
    Process p = new ProcessBuilder(home.resolve("bin/jlink").toString(), "--add-modules",
        String.join(",", modules), "--strip-debug", "--no-man-pages", "--no-header-files",
        "--compress=zip-6", "--generate-cds-archive", "--output", partial.toString())
        .inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jlink failed with status " + p.exitValue());
    }
    Files.move(partial, jre, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(stamp, wanted);
    return jre;
  }

  /** The build host's C library, as ldd names it: "glibc 2.36 (Debian GLIBC 2.36-9+deb12u14)". */
  static String libcVersion() throws IOException, InterruptedException {
    String first = SystemLibraries.run("ldd", "--version").lines().findFirst().orElse("");
    Matcher m = Pattern.compile("^ldd \\((.+)\\) (\\S+)$").matcher(first);
    if (!m.matches()) {
      throw new IllegalStateException(
          "ldd --version: expected \"ldd (VENDOR) VERSION\" (glibc), got: " + first);
    }
    return "glibc " + m.group(2) + " (" + m.group(1) + ")";
  }

  /**
   * /etc/passwd and group with the user gordon, nsswitch.conf (names from /etc/hosts before DNS),
   * /etc/gordon, /var/lib/gordon, /tmp.
   */
  static Tar base(Path repo) throws IOException {
    Tar t = new Tar();
    t.dir("etc", 0755, 0).dir("etc/gordon", 0755, 0).dir("tmp", 01777, 0).dir("var", 0755, 0)
        .dir("var/lib", 0755, 0).dir("var/lib/gordon", 0750, UID)
        .add("etc/passwd", ("root:x:0:0:root:/root:/sbin/nologin\ngordon:x:" + UID + ":" + UID
            + ":gordon:/var/lib/gordon:/sbin/nologin\n").getBytes(StandardCharsets.UTF_8), 0644, 0)
        .add("etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n"
            .getBytes(StandardCharsets.UTF_8), 0644, 0)
        .add("etc/group", ("root:x:0:\ngordon:x:" + UID + ":\n")
            .getBytes(StandardCharsets.UTF_8), 0644, 0)
        .addFile(repo.resolve("deploy/gordon.toml"), "etc/gordon/gordon.toml", 0644, 0);
    return t;
  }

  /** The jars of lib/: gordon's own ({@code ours}) or the third-party ones, which change less. */
  static Tar libraries(Path target, boolean ours) throws IOException {
    Tar t = new Tar().dir("opt", 0755, 0).dir(APP, 0755, 0).dir(APP + "/lib", 0755, 0);
    if (ours) {
      t.dir(APP + "/bin", 0755, 0).addFile(target.resolve("gordon-service.jar"),
          APP + "/lib/gordon-service.jar", 0644, 0);
    }
    try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
      for (Path j : jars.sorted().toList()) {
        if (j.getFileName().toString().startsWith("gordon-") == ours) {
          t.addFile(j, APP + "/lib/" + j.getFileName(), 0644, 0);
        }
      }
    }
    return t;
  }

  /** Every file under {@code dir}, named under {@code prefix}, owned by {@code uid}. */
  static Tar tree(Path dir, String prefix, int uid) throws IOException {
    Tar t = new Tar();
    String[] parts = prefix.isEmpty() ? new String[0] : prefix.split("/");
    for (int i = 1; i <= parts.length; i++) {
      t.dir(String.join("/", List.of(parts).subList(0, i)), 0755, uid);
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(p -> !p.equals(dir)).sorted().toList()) {
        String name = (prefix.isEmpty() ? "" : prefix + "/") + dir.relativize(p);
        if (Files.isSymbolicLink(p)) {
          t.link(name, Files.readSymbolicLink(p).toString(), uid);
        } else if (Files.isDirectory(p)) {
          t.dir(name, 0755, uid);
        } else {
          t.addFile(p, name, Files.isExecutable(p) ? 0755 : 0644, uid);
        }
      }
    }
    return t;
  }

  static String config(String version, List<String> diffIds, JvmSettings jvm, String libc) {
    String arch = switch (System.getProperty("os.arch")) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> System.getProperty("os.arch");
    };
    return "{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{"
        + "\"User\":\"" + UID + ":" + UID + "\","
        + "\"ExposedPorts\":{\"8053/tcp\":{},\"9053/tcp\":{}},"
        + "\"Env\":[\"PATH=/opt/java/bin:/usr/bin:/bin\",\"JAVA_HOME=/opt/java\","
        + "\"HOME=/var/lib/gordon\",\"JDK_JAVA_OPTIONS=" + jvm.javaOptions() + "\"],"
        + "\"Entrypoint\":[\"/opt/java/bin/java\"" + jvm.entrypointFlags() + ","
        + "\"-XX:+AutoCreateSharedArchive\",\"-XX:SharedArchiveFile=/var/lib/gordon/.gordon.jsa\","
        + "\"-Xlog:cds=off\",\"-Xlog:cds+dynamic=off\","
        + "\"-cp\",\"/" + APP + "/lib/*\",\"io.gordon.service.Main\"],"
        + "\"Cmd\":[\"run\",\"-c\",\"/etc/gordon\"],"
        + "\"WorkingDir\":\"/var/lib/gordon\",\"Volumes\":{\"/var/lib/gordon\":{}},"
        + "\"StopSignal\":\"SIGTERM\",\"Labels\":{"
        + "\"org.opencontainers.image.title\":\"gordon\","
        + "\"org.opencontainers.image.version\":\"" + version + "\","
        + "\"io.gordon.image.libc\":\"" + libc + "\","
        + "\"org.opencontainers.image.description\":\"Keeps DNS records in step with hostname"
        + " events; health on :9053/healthz\"}},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + String.join("\",\"", diffIds)
        + "\"]},\"history\":[{\"created_by\":\"OciImage.java: base\"},"
        + "{\"created_by\":\"OciImage.java: " + libc + " from the build host\"},"
        + "{\"created_by\":\"OciImage.java: jlink JRE\"},"
        + "{\"created_by\":\"OciImage.java: libraries\"},"
        + "{\"created_by\":\"OciImage.java: gordon\"}]}";
  }

  static String manifest(Blob config, List<Blob> layers) {
    return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":" + config.descriptor("application/vnd.oci.image.config.v1+json", "")
        + ",\"layers\":[" + String.join(",", layers.stream().map(l -> l.descriptor(
            "application/vnd.oci.image.layer.v1.tar+gzip", "")).toList()) + "]}";
  }

  /** A content-addressed blob of the layout. */
  record Blob(String digest, long size) {
    static Blob write(Path blobs, byte[] data) throws IOException {
      String hex = sha256(data);
      Files.write(blobs.resolve(hex), data);
      return new Blob("sha256:" + hex, data.length);
    }

    String descriptor(String mediaType, String extra) {
      return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":"
          + size + extra + "}";
    }
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) { // header mtime is 0: reproducible
      gz.write(data);
    }
    return out.toByteArray();
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
