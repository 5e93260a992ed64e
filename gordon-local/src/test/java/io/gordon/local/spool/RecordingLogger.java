package io.gordon.local.spool;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A logger that keeps the messages of WARNING and above, for asserting what was logged. */
final class RecordingLogger implements System.Logger {
  private final List<String> messages = new CopyOnWriteArrayList<>();

  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public String getName() {
    return "recording";
  }

  @Override
  public boolean isLoggable(Level level) {
    return level.getSeverity() >= Level.WARNING.getSeverity();
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    if (isLoggable(level)) {
      messages.add(msg);
    }
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    if (isLoggable(level)) {
      messages.add(params == null ? format : MessageFormat.format(format, params));
    }
  }
}
