package io.gordon.api.model;

/** What an event asks for, with the original gordon's wire names. */
public enum Action {
  /** Make the listed RRsets exist exactly as given (replace). */
  ADDITIONS("additions"),
  /** Remove the listed rdata, or the whole RRset when none is listed. */
  DELETIONS("deletions");

  private final String wireName;

  Action(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in events: {@code additions} or {@code deletions}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException naming the value and the two allowed names
   */
  public static Action parse(String text) {
    for (Action a : values()) {
      if (a.wireName.equals(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown action \"" + text + "\" (expected \"additions\" or \"deletions\")");
  }
}
