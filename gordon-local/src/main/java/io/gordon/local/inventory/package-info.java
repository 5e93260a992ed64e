/** {@code local.inventory}: a janitor authority reading the desired records from JSON files. */
package io.gordon.local.inventory;
