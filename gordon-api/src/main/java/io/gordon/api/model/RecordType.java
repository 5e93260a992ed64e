package io.gordon.api.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The record types gordon manages. SOA is absent on purpose: gordon never edits it, and it refuses
 * NS at a zone apex (checked by providers, which know the zones).
 */
public enum RecordType {
  /** IPv4 address. */
  A,
  /** IPv6 address. */
  AAAA,
  /** Canonical name; exclusive with every other type at the same name. */
  CNAME,
  /** Mail exchanger: preference and host. */
  MX,
  /** Delegation; refused at a zone apex. */
  NS,
  /** Reverse pointer. */
  PTR,
  /** Service locator: priority, weight, port, target. */
  SRV,
  /** Text: one or more character strings. */
  TXT,
  /** Certification authority authorization: flags, tag, value. */
  CAA;

  /**
   * Parses a type name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the allowed types
   */
  public static RecordType parse(String text) {
    if (text != null) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through to the explanatory message
      }
    }
    String allowed = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "unsupported record type \"" + text + "\" (expected one of " + allowed + ")");
  }
}
