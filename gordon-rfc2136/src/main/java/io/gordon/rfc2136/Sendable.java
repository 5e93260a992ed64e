package io.gordon.rfc2136;

import io.gordon.api.model.Change;

/** A change planned into an UPDATE message: where its result goes. */
interface Sendable {
  /** The change's position in the {@code apply} call. */
  int index();

  /** The change. */
  Change change();
}
