package io.gordon.service;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gordon version}: prints the version. */
@Command(name = "version", mixinStandardHelpOptions = true,
    description = "Prints gordon's version and the Java runtime's.")
final class VersionCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The version from the jar manifest; {@code dev} when run from classes. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
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
      return new String[] {"gordon " + version(),
          "java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"};
    }
  }
}
