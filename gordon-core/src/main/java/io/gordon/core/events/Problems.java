package io.gordon.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one event, each as {@code path: what is wrong (expected ...)}, and
 * renders JSON values for those messages: short, quoted, never the whole of a huge input.
 */
final class Problems {
  private static final int MAX_SHOWN = 100;
  private final List<String> list = new ArrayList<>();

  void add(String path, String problem) {
    list.add(path + ": " + problem);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  int size() {
    return list.size();
  }

  List<String> list() {
    return List.copyOf(list);
  }

  /** Reports {@code node} at {@code path} as having the wrong JSON type. */
  void wrongType(String path, JsonNode node, String expected) {
    if (node.isNull()) {
      add(path, "null is not allowed (expected " + expected + ")");
      return;
    }
    add(path, show(node) + " is " + kind(node) + " (expected " + expected + ")");
  }

  /** The value as it appears in JSON, shortened to a readable length. */
  static String show(JsonNode node) {
    if (node.isObject()) {
      return node.isEmpty() ? "{}" : "{...}";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "[]" : "[...]";
    }
    return shorten(node.toString());
  }

  /** {@code text} as a JSON string, shortened. */
  static String quote(String text) {
    return shorten(com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString());
  }

  private static String shorten(String s) {
    if (s.length() <= MAX_SHOWN) {
      return s;
    }
    return s.substring(0, MAX_SHOWN) + "...(" + s.length() + " characters)";
  }

  /** The JSON type of {@code node} with its article: "a string", "an array", "null". */
  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case NULL, MISSING -> "null";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
