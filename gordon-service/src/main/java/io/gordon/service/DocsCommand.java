package io.gordon.service;

import io.gordon.core.plugin.PluginCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gordon docs config}: generates the configuration reference. */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = {
      "Generates documentation from the declared configuration keys of the core "
          + "and of every plugin on gordon's class path.",
      "  gordon docs config --output docs/configuration.md"
    })
final class DocsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "WHAT", description = "What to generate: config.")
  String what;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output (its directory must exist).")
  Path output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!what.equals("config")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Unknown documentation \"" + what + "\" (expected: config)");
    }
    String md = ConfigReference.markdown(PluginCatalog.load(DocsCommand.class.getClassLoader()));
    if (output == null) {
      spec.commandLine().getOut().print(md);
      spec.commandLine().getOut().flush();
    } else {
      try {
        Files.writeString(output, md);
      } catch (IOException e) {
        spec.commandLine()
            .getErr()
            .println("gordon docs: cannot write " + output + ": " + IoReason.ofWrite(output, e));
        return Main.USAGE;
      }
    }
    return Main.OK;
  }
}
