package io.gordon.service;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * A command's standard output and error, captured: the command tests run gordon's commands in this
 * JVM and assert on what they print.
 */
final class Captured {
  /**
   * local.http on a free port and local.zonefile for example.com.: the plugin tables of the command
   * tests' configuration.
   */
  static final String HTTP_TO_ZONEFILE =
      """
      [local.http]
      listen = "127.0.0.1:0"
      [local.zonefile]
      zones = ["example.com."]
      """;

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Runs {@code command} (a picocli command object) with {@code args}; returns its exit status. */
  int run(Object command, String... args) {
    return new CommandLine(command)
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }
}
