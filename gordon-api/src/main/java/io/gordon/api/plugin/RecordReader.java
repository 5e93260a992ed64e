package io.gordon.api.plugin;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.List;
import java.util.Optional;

/** Read access to live DNS data. */
public interface RecordReader {
  /** The live RRset at {@code name} and {@code type}, if any. {@code name} is absolute. */
  Optional<RecordSet> read(String name, RecordType type);

  /** Every RRset of {@code zone} that gordon may manage (SOA and apex NS excluded). */
  List<RecordSet> list(String zone);
}
