package io.gordon.api.plugin;

import java.util.Objects;

/**
 * The fate of one message, as told to its source. {@link #acknowledge()} says whether the source
 * may forget the message (ack, commit) or must deliver it again later (nack).
 */
public sealed interface Outcome
    permits Outcome.Applied, Outcome.Skipped, Outcome.DeadLettered, Outcome.Redeliver {

  /** Whether the source should acknowledge: true for everything but {@link Redeliver}. */
  boolean acknowledge();

  /** A short word for logs and APIs: applied, skipped, dead-lettered, redeliver. */
  String state();

  /** The change is durably applied at the provider. */
  record Applied() implements Outcome {
    @Override
    public boolean acknowledge() {
      return true;
    }

    @Override
    public String state() {
      return "applied";
    }
  }

  /**
   * Nothing to do: a duplicate id or an event older than the last one applied to the same RRset.
   *
   * @param reason why it was skipped
   */
  record Skipped(String reason) implements Outcome {
    /** Checks the reason. */
    public Skipped {
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public boolean acknowledge() {
      return true;
    }

    @Override
    public String state() {
      return "skipped";
    }
  }

  /**
   * The message could not be applied and is durably parked in the dead-letter sink.
   *
   * @param reason why it could not be applied
   */
  record DeadLettered(String reason) implements Outcome {
    /** Checks the reason. */
    public DeadLettered {
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public boolean acknowledge() {
      return true;
    }

    @Override
    public String state() {
      return "dead-lettered";
    }
  }

  /**
   * The message is not done and must be delivered again later: retries ran out, the service is
   * shutting down, or the dead-letter sink failed.
   *
   * @param reason why
   */
  record Redeliver(String reason) implements Outcome {
    /** Checks the reason. */
    public Redeliver {
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public boolean acknowledge() {
      return false;
    }

    @Override
    public String state() {
      return "redeliver";
    }
  }
}
