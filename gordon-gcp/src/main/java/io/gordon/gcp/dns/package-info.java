/** Cloud DNS provider {@code gcp.publisher}. */
package io.gordon.gcp.dns;
