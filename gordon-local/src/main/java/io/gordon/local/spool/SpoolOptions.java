package io.gordon.local.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * How a {@link SpoolReader} reads a directory.
 *
 * @param directory the spool directory; finished files move to {@code done/} below it
 * @param glob which file names to read, e.g. {@code *.jsonl}
 * @param poll how often to look for new files and lines
 * @param quiet how long a file must be unchanged before its unterminated last line is read and the
 *     file, once settled, is moved aside
 * @param maxLineBytes longest line; longer lines are dead-lettered
 * @param retryDelay first delay before a redelivered line is submitted again (doubles, to 1 min;
 *     sooner once a message is applied again)
 * @param active files still being written by this process (never finished)
 * @param eventTime whether a message's creation time is the event's timestamp (else file time)
 */
public record SpoolOptions(
    Path directory,
    String glob,
    Duration poll,
    Duration quiet,
    int maxLineBytes,
    Duration retryDelay,
    Predicate<Path> active,
    boolean eventTime) {}
