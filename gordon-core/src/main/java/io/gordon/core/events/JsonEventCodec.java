package io.gordon.core.events;

import io.gordon.api.model.DnsEvent;
import io.gordon.api.plugin.Decoded;
import io.gordon.api.plugin.EventCodec;
import io.gordon.core.config.CoreSettings;
import java.util.List;

/**
 * The shared event codec: the original's generic event and the GCE audit-log entry, in JSON.
 * PLACEHOLDER: the implementation is issue #4's; only the construction signature is fixed here.
 */
public final class JsonEventCodec implements EventCodec {
  private final CoreSettings.Events limits;

  /** Creates a codec enforcing the TTL bounds of {@code limits}. */
  public JsonEventCodec(CoreSettings.Events limits) {
    this.limits = limits;
  }

  @Override
  public DnsEvent decode(String json) {
    throw new UnsupportedOperationException("not implemented yet; limits " + limits);
  }

  @Override
  public List<Decoded> decodeAll(String body) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public String encode(DnsEvent event) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
