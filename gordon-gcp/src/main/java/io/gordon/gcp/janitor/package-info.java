/**
 * The janitor's GCE authority ({@code gcp.gce} in gordon-janitor.toml): desired A records of the
 * instances of GCP projects, from Cloud Resource Manager and Compute Engine's aggregated list.
 */
package io.gordon.gcp.janitor;
