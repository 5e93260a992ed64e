/**
 * Google Cloud plugins: the Pub/Sub event source ({@code gcp.event_consumer}), the GCE enricher
 * ({@code gcp.enricher}), the Cloud DNS provider ({@code gcp.publisher}) and the Pub/Sub
 * dead-letter sink ({@code gcp.dead_letter}), with what they share: configuration keys,
 * credentials, backoff and the mapping of Google API errors.
 */
package io.gordon.gcp;
