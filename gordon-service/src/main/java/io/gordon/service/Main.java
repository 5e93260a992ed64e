package io.gordon.service;

import io.gordon.api.ConfigException;
import io.gordon.api.GordonException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gordon} command line. Exit status: 0 ok, 2 bad usage or invalid configuration, 1 any
 * other failure.
 *
 * <p>To add a subcommand, write a picocli {@code @Command} class in this package (see {@link
 * ConfigCommand}) and list it in {@code subcommands} below.
 */
@Command(
    name = "gordon",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Keeps DNS records in step with hostname events.",
    footer = {
      "",
      "Exit status: 0 ok, 2 bad usage or invalid configuration, 1 other failures.",
      "Shell completion (bash, zsh): source <(gordon generate-completion)",
      "Set GORDON_TRACE=1 to print the stack trace of a failure."
    },
    subcommands = {
      RunCommand.class,
      ApplyCommand.class,
      JanitorCommand.class,
      ReplayCommand.class,
      ConfigCommand.class,
      PluginsCommand.class,
      VersionCommand.class,
      DocsCommand.class,
      CommandLine.HelpCommand.class,
      AutoComplete.GenerateCompletion.class,
    })
public final class Main implements Runnable {
  /** Exit status for success. */
  public static final int OK = 0;

  /** Exit status for a failure other than bad usage or configuration. */
  public static final int FAILURE = 1;

  /** Exit status for bad usage or invalid configuration. */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("version") || args[0].equals("--version"))) {
      // Fast path: answering without building the picocli model halves the start-up time.
      for (String line : new VersionCommand.Provider().getVersion()) {
        System.out.println(line);
      }
      System.exit(OK);
    }
    if (RunCommand.plain(args)) {
      // Fast path for the service's own start: picocli's classes are compiled for Java 5, which
      // the JDK's AOT cache cannot hold once linked, and building its model of every command
      // took a fifth of the start-up CPU time. Any other form of `run` goes through picocli.
      RunCommand run = new RunCommand();
      run.config = new ConfigRootOption();
      if (args.length == 3) {
        run.config.root = Path.of(args[2]);
      }
      PrintWriter err =
          new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true);
      try {
        System.exit(run.call());
      } catch (Exception e) {
        System.exit(failed(e, "run", err));
      }
    }
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit status. */
  public static int execute(String... args) {
    return execute(new CommandLine(new Main()), args);
  }

  /** Runs {@code args} on {@code cli} (tests set its output streams) and returns the status. */
  static int execute(CommandLine cli, String... args) {
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> failed(e, cmd.getCommandName(), cmd.getErr()));
    return cli.execute(args);
  }

  /** Reports a command's failure on {@code err}; returns the exit status. */
  private static int failed(Exception e, String command, PrintWriter err) {
    if (e instanceof ConfigException c) {
      c.problems().forEach(err::println);
      int n = c.problems().size();
      err.println(
          "gordon: "
              + n
              + (n == 1 ? " problem" : " problems")
              + " in the configuration; nothing was started");
      return USAGE;
    }
    // gordon's own errors explain themselves; a file error names its file and the system's reason
    // (its class and bare path said little); others need their class to make sense
    String why =
        e instanceof GordonException && e.getMessage() != null
            ? e.getMessage()
            : e instanceof FileSystemException f && f.getFile() != null
                ? f.getFile() + ": " + IoReason.of(f)
                : e.toString();
    err.println("gordon " + command + ": failed: " + why);
    if (System.getenv("GORDON_TRACE") != null) {
      e.printStackTrace(err);
    }
    return FAILURE;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "Missing command: choose one of run, apply, janitor, replay, config, plugins, version,"
            + " docs");
  }
}
