/**
 * The gordon plugin SPI: the error hierarchy shared by the core and every plugin.
 *
 * <p>Sub-packages: {@link io.gordon.api.model} holds the immutable message model, {@link
 * io.gordon.api.plugin} the plugin kinds and their contexts, {@link io.gordon.api.config} the
 * declarative configuration keys, and {@link io.gordon.api.source} the offset tracking and
 * redelivery that log sources share. This module depends on the JDK only, so a third-party plugin
 * compiles against it alone.
 */
package io.gordon.api;
