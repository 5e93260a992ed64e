package io.gordon.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.core.router.RouterMetrics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusRelayTest {
  private final PrometheusRelay relay = new PrometheusRelay();

  @Test
  void countersGetTheTotalSuffixAndAttributesBecomeLabels() {
    relay.incr(RouterMetrics.SETTLED, 2, Map.of("outcome", "applied"));
    relay.incr(
        RouterMetrics.PROVIDER_ERRORS,
        1,
        Map.of(
            "provider",
            "rfc2136",
            "zone",
            "example.com.",
            "kind",
            "permanent",
            "error",
            "ProviderException"));
    assertThat(relay.scrape())
        .contains("router_message_settled_total{outcome=\"applied\"} 2.0")
        .contains(
            "provider_errors_total{error=\"ProviderException\",kind=\"permanent\","
                + "provider=\"rfc2136\",zone=\"example.com.\"} 1.0");
  }

  @Test
  void timersAreHistogramsInSecondsWithoutAUnitLabel() {
    relay.timing(RouterMetrics.FLIGHT_DURATION, Duration.ofMillis(7), Map.of("unit", "seconds"));
    String text = relay.scrape();
    assertThat(text)
        .contains("router_message_flight_duration_seconds_bucket{le=\"0.01\"} 1")
        .contains("router_message_flight_duration_seconds_count 1")
        .doesNotContain("unit=");
  }

  @Test
  void perMessageAttributesOfMsgTooOldAreNotLabels() {
    relay.incr(
        RouterMetrics.MSG_TOO_OLD,
        1,
        Map.of("plugin", "gcp.event_consumer", "msg_id", "123", "msg_age", "601.000"));
    assertThat(relay.scrape()).contains("msg_too_old_total{plugin=\"gcp.event_consumer\"} 1.0");
  }

  @Test
  void gaugesKeepTheirName() {
    relay.set(RouterMetrics.LANES, 3, Map.of());
    relay.set(RouterMetrics.IN_FLIGHT, 5, Map.of());
    assertThat(relay.scrape())
        .contains("router_lanes 3.0")
        .contains("router_messages_in_flight 5.0");
  }

  @Test
  void everyMetricHasAHelpLineNamingWhatGordonEmitsAndWhereItIsDescribed() {
    relay.incr(RouterMetrics.CONSUMED, 1, Map.of());
    relay.set(RouterMetrics.LANES, 3, Map.of());
    relay.timing(RouterMetrics.FLIGHT_DURATION, Duration.ofMillis(7), Map.of("unit", "seconds"));
    assertThat(relay.scrape())
        .contains(
            "# HELP router_message_consumed_total gordon metric router-message-consumed"
                + " (docs/operations.md#metrics or the plugin's docs)\n")
        .contains("# HELP router_lanes gordon metric router-lanes (")
        .contains(
            "# HELP router_message_flight_duration_seconds gordon metric"
                + " router-message-flight-duration (")
        .doesNotContainPattern("# HELP \\S+ *\\n");
  }
}
