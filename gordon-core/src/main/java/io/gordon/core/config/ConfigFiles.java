package io.gordon.core.config;

import io.gordon.api.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads {@code gordon.toml} and then {@code gordon-user.toml} from a config directory and
 * deep-merges the second over the first. Either file may be missing, not both. A quoted table name
 * holding dots ({@code ["foo.plugin"]}, as in the original's docs) means the same table as {@code
 * [foo.plugin]}.
 */
public final class ConfigFiles {
  /** The main file. */
  public static final String MAIN = "gordon.toml";

  /** The per-user override file, merged over the main one. */
  public static final String USER = "gordon-user.toml";

  private ConfigFiles() {}

  /**
   * Loads the configuration from {@code root}.
   *
   * @param root the config directory as the user gave it (relative paths are shown relative in
   *     messages); the empty path means the working directory
   * @throws ConfigException listing every syntax error with its position, or saying which directory
   *     held no configuration
   */
  public static RawConfig load(Path root) {
    return load(root, MAIN, USER);
  }

  /**
   * Loads {@code main} then {@code user} from {@code root}, as {@link #load(Path)} does for
   * gordon.toml (the janitor reads gordon-janitor.toml and gordon-janitor-user.toml this way).
   */
  public static RawConfig load(Path root, String main, String user) {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new ConfigException("config root " + shown(root) + " is not a directory");
    }
    List<String> problems = new ArrayList<>();
    List<String> files = new ArrayList<>();
    ConfigTable merged = ConfigTable.empty(Origin.file(root.resolve(main).toString()));
    for (String name : List.of(main, user)) {
      Path file = abs.resolve(name);
      String display = root.resolve(name).toString();
      if (!Files.exists(file)) {
        continue;
      }
      files.add(display);
      try {
        TomlParseResult result = Toml.parse(text(Files.readAllBytes(file), display));
        for (TomlParseError e : result.errors()) {
          problems.add(at(display, e.position()) + ": " + e.getMessage());
        }
        if (!result.hasErrors()) {
          merged = merged.mergedWith(convert(result, display, Origin.file(display)));
        }
      } catch (ConfigException e) {
        problems.add(e.getMessage());
      } catch (IOException | RuntimeException e) {
        problems.add(display + ": cannot read: " + e);
      }
    }
    if (files.isEmpty()) {
      throw new ConfigException(
          "no configuration in "
              + shown(root)
              + ": expected "
              + main
              + " and/or "
              + user
              + " there (use -c DIR to choose another directory)");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new RawConfig(abs, merged, files);
  }

  /** Parses one TOML document, for tests and tools; {@code file} names it in origins. */
  public static ConfigTable parse(String toml, String file) {
    TomlParseResult result = Toml.parse(toml);
    if (result.hasErrors()) {
      throw new ConfigException(
          result.errors().stream()
              .map(e -> at(file, e.position()) + ": " + e.getMessage())
              .toList());
    }
    return convert(result, file, Origin.file(file));
  }

  /**
   * The file's text, decoded strictly as UTF-8 (TOML's encoding), with a leading byte order mark
   * dropped (editors on Windows write one). A byte that is not UTF-8 (a file saved as Latin-1) is
   * named with its position: decoding it as U+FFFD would hide where the file is damaged.
   */
  static String text(byte[] bytes, String display) {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in, out, true);
    if (r.isError()) {
      out.flip();
      String before = out.toString();
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = before.length() - before.lastIndexOf('\n');
      throw new ConfigException(
          new Origin(display, line, column)
              + ": byte 0x"
              + HexFormat.of().toHexDigits(bytes[in.position()])
              + " at offset "
              + in.position()
              + " is not UTF-8 (expected a file in UTF-8, the encoding of TOML; save it as UTF-8)");
    }
    out.flip();
    return out.toString();
  }

  private static String shown(Path root) {
    return root.toString().isEmpty()
        ? "the working directory (" + root.toAbsolutePath() + ")"
        : root.toString();
  }

  private static Origin at(String file, TomlPosition p) {
    return p == null ? Origin.file(file) : new Origin(file, p.line(), p.column());
  }

  private static ConfigTable convert(TomlTable t, String file, Origin origin) {
    ConfigTable out = ConfigTable.empty(origin);
    for (String key : t.keySet()) {
      List<String> path = List.of(key);
      Origin o = at(file, t.inputPositionOf(path));
      Object v = t.get(path);
      if (v instanceof TomlTable sub) {
        // ["foo.plugin"] is the same namespace as [foo.plugin]: nest on the dots.
        String[] parts = key.split("\\.", -1);
        ConfigTable nested = convert(sub, file, o);
        for (int i = parts.length - 1; i >= 1; i--) {
          nested = new ConfigTable(o, Map.of(parts[i], new ConfigTable.Entry(nested, o)));
        }
        out =
            out.mergedWith(
                new ConfigTable(origin, Map.of(parts[0], new ConfigTable.Entry(nested, o))));
      } else {
        Map<String, ConfigTable.Entry> one = new LinkedHashMap<>();
        one.put(key, new ConfigTable.Entry(value(v, file, o), o));
        out = out.mergedWith(new ConfigTable(origin, one));
      }
    }
    return out;
  }

  private static Object value(Object v, String file, Origin o) {
    if (v instanceof TomlArray a) {
      List<Object> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        out.add(value(a.get(i), file, o));
      }
      return List.copyOf(out);
    }
    if (v instanceof TomlTable t) {
      return convert(t, file, o);
    }
    return v;
  }
}
