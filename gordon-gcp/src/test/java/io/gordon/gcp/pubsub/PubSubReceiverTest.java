package io.gordon.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.Timestamps;
import com.google.pubsub.v1.PubsubMessage;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.gcp.TestContext;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PubSubReceiverTest {
  static final String EVENT = "{\"action\":\"additions\",\"resourceRecords\":{\"name\":"
      + "\"www.example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2.1\"]}}";
  final TestContext context = new TestContext("gcp.event_consumer", PubSubConsumerFactory.SPEC,
      Map.of("project", "p", "topic", "t", "subscription", "s", "max_msg_age", 60))
      .withCodec(new JsonEventCodec(new CoreSettings.Events(60, 86400)));
  final RecordingSource source = new RecordingSource();
  final PubSubReceiver receiver = new PubSubReceiver(context, source, () -> false);

  static PubsubMessage published(String id, Instant at) {
    return PubsubMessage.newBuilder().setMessageId(id).setData(ByteString.copyFromUtf8(EVENT))
        .setPublishTime(Timestamps.fromMillis(at.toEpochMilli())).build();
  }

  static final AckReplyConsumer IGNORE = new AckReplyConsumer() {
    @Override
    public void ack() {}

    @Override
    public void nack() {}
  };

  @Test
  void aMessageOlderThanMaxMsgAgeCountsMsgTooOldAsTheOriginalAndStillReachesTheRouter() {
    receiver.receiveMessage(published("m-old", Instant.now().minusSeconds(120)), IGNORE);
    assertThat(context.counters).filteredOn(c -> c.startsWith("msg-too-old"))
        .singleElement().asString()
        .matches("msg-too-old\\{msg_age=1[12]\\d, msg_id=m-old, plugin=event-consumer}");
    assertThat(source.submitted).hasSize(1);
  }

  @Test
  void aFreshMessageIsNotCounted() {
    receiver.receiveMessage(published("m-new", Instant.now().minusSeconds(5)), IGNORE);
    assertThat(context.counters).noneMatch(c -> c.startsWith("msg-too-old"));
    assertThat(source.submitted).hasSize(1);
  }
}
