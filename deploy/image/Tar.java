import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A ustar archive in memory: mtime 0, numeric owners, names split into prefix/name. */
final class Tar {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Tar dir(String name, int mode, int uid) {
    header(name + "/", mode, uid, 0, '5', "");
    return this;
  }

  Tar link(String name, String target, int uid) {
    header(name, 0777, uid, 0, '2', target);
    return this;
  }

  Tar addFile(Path file, String name, int mode, int uid) throws IOException {
    return add(name, Files.readAllBytes(file), mode, uid);
  }

  Tar add(String name, byte[] data, int mode, int uid) {
    header(name, mode, uid, data.length, '0', "");
    out.writeBytes(data);
    out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    return this;
  }

  byte[] finish() {
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  private void header(String name, int mode, int uid, long size, char type, String link) {
    byte[] h = new byte[512];
    String prefix = "";
    if (name.length() > 100) {
      int cut = name.lastIndexOf('/', name.endsWith("/") ? name.length() - 2 : name.length());
      while (cut > 155) {
        cut = name.lastIndexOf('/', cut - 1);
      }
      prefix = name.substring(0, cut);
      name = name.substring(cut + 1);
      if (name.length() > 100 || cut < 0) {
        throw new IllegalArgumentException("tar name too long: " + prefix + "/" + name);
      }
    }
    put(h, 0, 100, name);
    put(h, 100, 8, octal(mode, 7));
    put(h, 108, 8, octal(uid, 7));
    put(h, 116, 8, octal(uid, 7));
    put(h, 124, 12, octal(size, 11));
    put(h, 136, 12, octal(0, 11));
    h[156] = (byte) type;
    put(h, 157, 100, link);
    put(h, 257, 6, "ustar");
    put(h, 263, 2, "00");
    put(h, 345, 155, prefix);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, 8, octal(sum, 6) + "\0 ");
    out.writeBytes(h);
  }

  private static String octal(long v, int width) {
    String s = Long.toOctalString(v);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  private static void put(byte[] h, int at, int len, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > len) {
      throw new IllegalArgumentException("tar field too long: " + s);
    }
    System.arraycopy(b, 0, h, at, b.length);
  }
}
