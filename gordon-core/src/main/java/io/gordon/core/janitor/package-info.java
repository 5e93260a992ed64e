/**
 * The janitor: reconciles live zones with what an authority says should exist.
 *
 * <p>One run reads each covered zone through a DNS provider (or a zone reader), then asks the
 * authorities, plans per zone ({@link io.gordon.core.janitor.Planner}: only RRsets this gordon owns
 * are replaced or deleted, rdata compared as sets), checks the deletion guard, and sends the plan
 * as ordinary generic events whose timestamp is the observation time and whose every change is a
 * compare-and-swap against what was read. See docs/janitor.md.
 */
package io.gordon.core.janitor;
