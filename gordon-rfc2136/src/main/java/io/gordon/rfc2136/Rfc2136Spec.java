package io.gordon.rfc2136;

import io.gordon.api.config.ConfigCheck;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.config.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The keys of the {@code rfc2136} table, each declared once. */
final class Rfc2136Spec {
  static final Key<HostPort> SERVER =
      Key.hostPort("server")
          .defaultPort(53)
          .required(
              "Primary server that accepts dynamic updates, as host:port (e.g. 127.0.0.1:53); a host"
                  + " alone means port 53.");
  static final Key<List<String>> ZONES =
      Key.strings("zones")
          .rule(Rule.nonEmpty())
          .required(
              "Zones this provider manages, e.g. [\"example.com.\"]; other names fail permanently.");
  static final Key<Optional<String>> TSIG_KEY_NAME =
      Key.string("tsig_key_name")
          .rule(Rule.matching(".*\\S.*", "not blank"))
          .optional(
              "Name of the TSIG key. Give it with tsig_secret to sign every message; without"
                  + " both, updates are unsigned.");
  static final Key<String> TSIG_ALGORITHM =
      Key.string(
          "tsig_algorithm",
          "hmac-sha256",
          Rule.of(
              "one of \"hmac-sha1\", \"hmac-sha224\", \"hmac-sha256\", \"hmac-sha384\","
                  + " \"hmac-sha512\" (hmac-md5 is refused: RFC 8945 forbids it)",
              v ->
                  TsigSettings.ALGORITHMS.contains(
                      String.valueOf(v).trim().toLowerCase(Locale.ROOT))),
          "TSIG algorithm; needs tsig_key_name and tsig_secret.");
  static final Key<Optional<Secret>> TSIG_SECRET =
      Key.secret("tsig_secret")
          .rule(Rule.of("base64, as tsig-keygen prints it", v -> TsigSettings.base64((Secret) v)))
          .optional(
              "Base64 TSIG secret (as tsig-keygen prints it): a string, {env = \"NAME\"} or"
                  + " {file = \"path\"}. Never logged.");
  static final Key<Duration> TIMEOUT =
      Key.duration(
          "timeout",
          Duration.ofSeconds(5),
          Rule.durationAtLeast(0.01),
          "How long to wait for the server's answer to one message.");
  static final Key<String> TCP =
      Key.string(
          "tcp",
          "auto",
          Rule.oneOf("auto", "always", "never"),
          "auto: TCP when a message does not fit in a 512-octet UDP datagram; always; never.");
  static final Key<Integer> DEFAULT_TTL =
      Key.integer(
          "default_ttl",
          300,
          Rule.between(0, Integer.MAX_VALUE),
          "TTL of records whose event gives none.");
  static final Key<Integer> MAX_CHANGES =
      Key.integer(
          "max_changes_per_update",
          500,
          Rule.between(1, 10000),
          "Most changes (RRsets) put in one UPDATE message; messages also stay under 64 KiB.");
  static final Key<Integer> MAX_IN_FLIGHT =
      Key.integer(
          "max_updates_in_flight",
          4,
          Rule.between(1, 64),
          "Most UPDATE messages awaiting an answer at once (to different names).");

  /** The default of {@link #MAX_BATCHES}, chosen from docs/benchmarks.md "rfc2136 pipelined". */
  static final int DEFAULT_BATCHES_IN_FLIGHT = 2;

  static final Key<Integer> MAX_BATCHES =
      Key.integer(
          "max_batches_in_flight",
          DEFAULT_BATCHES_IN_FLIGHT,
          Rule.between(1, 16),
          "Most batches of one zone being sent at once: the next batch goes out while the server"
              + " applies the last, never with a name of another batch in flight. Their UPDATEs"
              + " share max_updates_in_flight and one pipelined TCP connection; 1 sends a zone's"
              + " next batch only once the previous one is answered.");

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .keys(
              SERVER,
              ZONES,
              TSIG_KEY_NAME,
              TSIG_ALGORITHM,
              TSIG_SECRET,
              TIMEOUT,
              TCP,
              DEFAULT_TTL,
              MAX_CHANGES,
              MAX_IN_FLIGHT,
              MAX_BATCHES)
          .check(
              ConfigCheck.together(
                  "both to sign updates, neither to send them unsigned",
                  TSIG_KEY_NAME,
                  TSIG_SECRET))
          .check(
              ConfigCheck.requires(
                  TSIG_ALGORITHM,
                  TSIG_KEY_NAME,
                  "the algorithm is used only to sign with a TSIG key"))
          .build();

  private Rfc2136Spec() {}
}
