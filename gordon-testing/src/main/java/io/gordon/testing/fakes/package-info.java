/**
 * Test doubles for the plugin SPI: an in-memory event source, DNS provider, dead-letter sink,
 * delivery and metric relay that record what happened to them.
 */
package io.gordon.testing.fakes;
