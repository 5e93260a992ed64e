package io.gordon.api;

/**
 * A plugin named in {@code core.plugins} could not be found, constructed or started. The message
 * names the plugin and says how to fix it.
 */
public class PluginLoadException extends GordonException {
  private static final long serialVersionUID = 1L;
  private final String plugin;

  /** Creates the exception for {@code plugin}. */
  public PluginLoadException(String plugin, String message) {
    super(message);
    this.plugin = plugin;
  }

  /** Creates the exception for {@code plugin} with the underlying cause. */
  public PluginLoadException(String plugin, String message, Throwable cause) {
    super(message, cause);
    this.plugin = plugin;
  }

  /** The plugin name as written in {@code core.plugins}. */
  public String plugin() {
    return plugin;
  }
}
