/**
 * Declarative configuration: each plugin declares its keys once in a {@link
 * io.gordon.api.config.ConfigSpec} (type, default, rule, documentation); the core validates the
 * merged TOML against it before anything starts, reports every problem with its position, and
 * generates the configuration reference from the same declarations. Plugins read the validated
 * values through {@link io.gordon.api.config.PluginConfig}.
 */
package io.gordon.api.config;
