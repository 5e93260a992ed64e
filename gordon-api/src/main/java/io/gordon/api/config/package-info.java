/**
 * Declarative configuration: each plugin declares its keys once, as typed {@link
 * io.gordon.api.config.Key} constants (type, default, rule, documentation), gathered in a {@link
 * io.gordon.api.config.ConfigSpec} with its {@link io.gordon.api.config.ConfigCheck checks over
 * several keys}; the core validates the merged TOML against it before anything starts, through
 * {@link io.gordon.api.config.ConfigSpec#read}, reports every problem with its position, and
 * generates the configuration reference from the same declarations. Plugins read the validated
 * values with {@link io.gordon.api.config.PluginConfig#get}. The keys every event source accepts
 * are the core's ({@link io.gordon.api.config.SourceKeys}).
 */
package io.gordon.api.config;
