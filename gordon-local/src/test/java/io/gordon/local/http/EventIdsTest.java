package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ids given to events sent without one are distinct random UUIDs, written as UUIDs are. */
class EventIdsTest {
  @Test
  void idsAreDistinctVersionFourUuidsInTheirUsualTextOverManyBlocks() {
    EventIds ids = new EventIds();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) { // 2,000 ids draw eight blocks of random bytes
      String id = ids.next();
      UUID u = UUID.fromString(id);
      assertThat(u.version()).as(id).isEqualTo(4);
      assertThat(u.variant()).as(id).isEqualTo(2);
      assertThat(id).as(id).isEqualTo(u.toString()).matches("[0-9a-f-]{36}");
      assertThat(seen.add(id)).as("%s seen before", id).isTrue();
    }
  }

  @Test
  void everyRandomBitVaries() {
    EventIds ids = new EventIds();
    long msbOr = 0;
    long msbAnd = -1;
    long lsbOr = 0;
    long lsbAnd = -1;
    for (int i = 0; i < 1_000; i++) {
      UUID u = UUID.fromString(ids.next());
      msbOr |= u.getMostSignificantBits();
      msbAnd &= u.getMostSignificantBits();
      lsbOr |= u.getLeastSignificantBits();
      lsbAnd &= u.getLeastSignificantBits();
    }
    // only the version (4 bits) and variant (2 bits) are fixed, as in UUID.randomUUID
    assertThat(msbOr ^ msbAnd).isEqualTo(~0xf000L);
    assertThat(lsbOr ^ lsbAnd).isEqualTo(0x3fffffffffffffffL);
  }
}
