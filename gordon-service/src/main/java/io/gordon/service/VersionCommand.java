package io.gordon.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gordon version}: prints the version, the commit and the Java runtime. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Prints gordon's version and commit, and the Java runtime's version.")
final class VersionCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The version from the jar manifest; {@code dev} when run from classes. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * The commit the build was made from (build.properties, written by the build from git); {@code
   * unknown} when the build had no git checkout.
   */
  static String commit() {
    try (InputStream in = VersionCommand.class.getResourceAsStream("build.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String c = p.getProperty("commit", "").strip();
      return c.isEmpty() ? "unknown" : c;
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void run() {
    for (String line : new Provider().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
  }

  /** Supplies {@code --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "gordon " + version() + " (commit " + commit() + ")",
        "java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
      };
    }
  }
}
