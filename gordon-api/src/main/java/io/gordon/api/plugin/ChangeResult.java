package io.gordon.api.plugin;

import io.gordon.api.GordonException;
import io.gordon.api.model.Change;
import java.util.Objects;

/** What a provider did with one {@link io.gordon.api.model.Change}. */
public sealed interface ChangeResult
    permits ChangeResult.Applied, ChangeResult.Unchanged, ChangeResult.Failed {

  /** The change this result is for. */
  Change change();

  /**
   * The change is durably applied.
   *
   * @param change the change
   */
  record Applied(Change change) implements ChangeResult {
    /** Checks the change. */
    public Applied {
      Objects.requireNonNull(change, "change == null");
    }
  }

  /**
   * Nothing had to be done, e.g. deleting a record that does not exist.
   *
   * @param change the change
   * @param reason why nothing was done
   */
  record Unchanged(Change change, String reason) implements ChangeResult {
    /** Checks the fields. */
    public Unchanged {
      Objects.requireNonNull(change, "change == null");
      Objects.requireNonNull(reason, "reason == null");
    }
  }

  /**
   * The change failed; the error says whether a retry may help.
   *
   * @param change the change
   * @param error a {@link io.gordon.api.RetriableException}, a {@link
   *     io.gordon.api.PermanentException} or a {@link io.gordon.api.ProviderException}
   */
  record Failed(Change change, GordonException error) implements ChangeResult {
    /** Checks the fields. */
    public Failed {
      Objects.requireNonNull(change, "change == null");
      Objects.requireNonNull(error, "error == null");
    }
  }
}
