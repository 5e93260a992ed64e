package io.gordon.core.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns a Jackson parse failure into one line naming the position and the cause. */
final class JsonErrors {
  private static final int MAX_LENGTH = 200;

  private JsonErrors() {}

  static String describe(JsonProcessingException e) {
    String msg =
        e.getOriginalMessage() == null
            ? e.getClass().getSimpleName()
            : e.getOriginalMessage()
                .replaceAll("\\s+", " ")
                // A limit's message names Jackson's getter, which means nothing to a sender.
                .replaceAll(", from `StreamReadConstraints[^`]*`\\)", ")")
                .trim();
    if (msg.length() > MAX_LENGTH) {
      msg = msg.substring(0, MAX_LENGTH) + "...";
    }
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 0
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return "event: not valid JSON" + where + ": " + msg;
  }
}
