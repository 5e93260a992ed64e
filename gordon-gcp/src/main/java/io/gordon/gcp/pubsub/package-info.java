/**
 * Pub/Sub plugins: the event source {@code gcp.event_consumer} and the dead-letter sink {@code
 * gcp.dead_letter}.
 */
package io.gordon.gcp.pubsub;
