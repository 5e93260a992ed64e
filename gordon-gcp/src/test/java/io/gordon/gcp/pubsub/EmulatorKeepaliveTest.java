package io.gordon.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.StreamingPullRequest;
import org.junit.jupiter.api.Test;

class EmulatorKeepaliveTest {
  @Test
  void anEmptyStreamingPullRequestIsThePingAndNothingElseIs() {
    assertThat(EmulatorKeepalive.isPing(StreamingPullRequest.getDefaultInstance())).isTrue();
    assertThat(
            EmulatorKeepalive.isPing(
                StreamingPullRequest.newBuilder()
                    .setSubscription("projects/p/subscriptions/s")
                    .setStreamAckDeadlineSeconds(60)
                    .build()))
        .as("the request that opens the stream")
        .isFalse();
    assertThat(EmulatorKeepalive.isPing(StreamingPullRequest.newBuilder().addAckIds("a").build()))
        .isFalse();
    assertThat(EmulatorKeepalive.isPing("not a request")).isFalse();
  }
}
