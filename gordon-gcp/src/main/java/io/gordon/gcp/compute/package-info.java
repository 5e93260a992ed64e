/** GCE enricher {@code gcp.enricher}. */
package io.gordon.gcp.compute;
