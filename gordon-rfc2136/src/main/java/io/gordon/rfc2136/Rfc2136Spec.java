package io.gordon.rfc2136;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import java.time.Duration;

/** The keys of the {@code rfc2136} table. */
final class Rfc2136Spec {
  static final String DEFAULT_ALGORITHM = "hmac-sha256";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  static final long DEFAULT_TTL = 300;
  static final long DEFAULT_MAX_CHANGES = 500;
  static final long DEFAULT_IN_FLIGHT = 4;

  static final ConfigSpec SPEC = ConfigSpec.builder()
      .required("server", ConfigType.STRING, Rule.hostPort(),
          "Primary server that accepts dynamic updates, as host:port (e.g. 127.0.0.1:53).")
      .required("zones", ConfigType.STRING_LIST, Rule.nonEmpty(),
          "Zones this provider manages, e.g. [\"example.com.\"]; other names fail permanently.")
      .optional("tsig_key_name", ConfigType.STRING, null, Rule.nonEmpty(),
          "Name of the TSIG key. Give it with tsig_secret to sign every message; without"
              + " both, updates are unsigned.")
      .optional("tsig_algorithm", ConfigType.STRING, DEFAULT_ALGORITHM, Rule.of(
          "one of \"hmac-sha1\", \"hmac-sha224\", \"hmac-sha256\", \"hmac-sha384\","
              + " \"hmac-sha512\" (hmac-md5 is refused: RFC 8945 forbids it)",
          v -> TsigSettings.ALGORITHMS.contains(String.valueOf(v))),
          "TSIG algorithm.")
      .optional("tsig_secret", ConfigType.SECRET, null, Rule.any(),
          "Base64 TSIG secret (as tsig-keygen prints it): a string, {env = \"NAME\"} or"
              + " {file = \"path\"}. Never logged.")
      .optional("timeout", ConfigType.DURATION, DEFAULT_TIMEOUT, Rule.durationAtLeast(0.01),
          "How long to wait for the server's answer to one message.")
      .optional("tcp", ConfigType.STRING, "auto", Rule.oneOf("auto", "always", "never"),
          "auto: TCP when a message does not fit in a 512-octet UDP datagram; always; never.")
      .optional("default_ttl", ConfigType.INTEGER, DEFAULT_TTL, Rule.between(0, Integer.MAX_VALUE),
          "TTL of records whose event gives none.")
      .optional("max_changes_per_update", ConfigType.INTEGER, DEFAULT_MAX_CHANGES,
          Rule.between(1, 10000),
          "Most changes (RRsets) put in one UPDATE message; messages also stay under 64 KiB.")
      .optional("max_updates_in_flight", ConfigType.INTEGER, DEFAULT_IN_FLIGHT,
          Rule.between(1, 64),
          "Most UPDATE messages awaiting an answer at once (to different names).")
      .build();

  private Rfc2136Spec() {}
}
