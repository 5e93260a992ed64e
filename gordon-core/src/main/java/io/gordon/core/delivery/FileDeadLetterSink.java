package io.gordon.core.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.RetriableException;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.EventCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The default dead-letter sink: one JSON object per line, appended to a file and fsynced before
 * {@link #park} returns. Fields: id, parkedAt, reason, phase, plugin, event (the generic event
 * JSON, or null), payload (raw input, or null), history, attributes.
 */
public final class FileDeadLetterSink implements DeadLetterSink {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path path;
  private final EventCodec codec;

  /** Creates a sink appending to {@code path}; the file and its directory are created on use. */
  public FileDeadLetterSink(Path path, EventCodec codec) {
    this.path = path;
    this.codec = codec;
  }

  /** The file written to. */
  public Path path() {
    return path;
  }

  @Override
  public synchronized void park(DeadLetter letter) {
    byte[] line = (toJson(letter) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Path dir = path.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      try (FileChannel ch =
          FileChannel.open(
              path,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(false);
      }
    } catch (IOException e) {
      throw new RetriableException(
          "cannot write dead letter " + letter.messageId() + " to " + path + ": " + e, e);
    }
  }

  /** The JSON line for {@code letter} (without the newline). */
  public String toJson(DeadLetter letter) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", letter.messageId());
    o.put("parkedAt", letter.parkedAt().toString());
    o.put("reason", letter.reason());
    o.put("phase", letter.phase());
    o.put("plugin", letter.plugin());
    if (letter.event().isPresent()) {
      o.set("event", eventNode(letter));
    } else {
      o.putNull("event");
    }
    o.put("payload", letter.payload().orElse(null));
    ArrayNode h = o.putArray("history");
    for (HistoryEntry e : letter.history()) {
      h.addObject()
          .put("timestamp", e.timestamp().toString())
          .put("plugin", e.plugin())
          .put("message", e.message());
    }
    ObjectNode a = o.putObject("attributes");
    letter.attributes().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(en -> a.put(en.getKey(), en.getValue()));
    return o.toString();
  }

  private com.fasterxml.jackson.databind.JsonNode eventNode(DeadLetter letter) {
    // A codec failure must not lose the letter: fall back to the event's text form.
    try {
      return JSON.readTree(codec.encode(letter.event().orElseThrow()));
    } catch (IOException | RuntimeException e) {
      return JSON.getNodeFactory().textNode(letter.event().orElseThrow().toString());
    }
  }
}
