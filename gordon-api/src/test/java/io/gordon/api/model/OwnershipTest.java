package io.gordon.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.OwnershipException;
import io.gordon.api.PermanentException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnershipTest {
  private static final RecordSet WWW =
      RecordSet.of("www.example.com.", RecordType.A, 60, "192.0.2.1");
  private static final Change REPLACE = new Change.Replace(WWW);
  private static final Change REMOVE = new Change.Remove(WWW);

  @Test
  void existingConstructorsMakeUnclaimedChanges() {
    assertThat(REPLACE.ownership()).isEmpty();
    assertThat(new Change.Remove(WWW, Optional.of(List.of())).ownership()).isEmpty();
  }

  @Test
  void withOwnershipKeepsEverythingElse() {
    Change c =
        new Change.Replace(WWW, Optional.of(List.of("192.0.2.9")))
            .withOwnership(Ownership.of("gordon"));
    assertThat(c)
        .isEqualTo(
            new Change.Replace(
                WWW,
                Optional.of(List.of("192.0.2.9")),
                Optional.of(new Ownership("gordon", false))));
  }

  @Test
  void absentOrOwnRrsetMayBeChanged() {
    Ownership o = Ownership.of("gordon");
    assertThat(o.check(REPLACE, false, Optional.empty())).isEmpty();
    assertThat(o.check(REMOVE, false, Optional.empty())).isEmpty();
    assertThat(o.check(REPLACE, true, Optional.of("gordon"))).isEmpty();
    assertThat(o.check(REMOVE, true, Optional.of("gordon"))).isEmpty();
  }

  @Test
  void unownedRrsetIsRefusedNamingNone() {
    Optional<OwnershipException> e = Ownership.of("gordon").check(REPLACE, true, Optional.empty());
    assertThat(e)
        .get()
        .isInstanceOf(PermanentException.class)
        .extracting(Throwable::getMessage)
        .isEqualTo(
            "www.example.com. A exists and is owned by none (this gordon is 'gordon');"
                + " not changed");
  }

  @Test
  void anotherOwnersRrsetIsRefusedEvenWithAdopt() {
    Optional<OwnershipException> e =
        new Ownership("gordon", true).check(REPLACE, true, Optional.of("team-b"));
    assertThat(e)
        .get()
        .extracting(Throwable::getMessage)
        .isEqualTo(
            "www.example.com. A exists and is owned by 'team-b' (this gordon is"
                + " 'gordon'); not changed");
  }

  @Test
  void adoptTakesOverAnUnownedRrsetOnReplaceOnly() {
    Ownership adopt = new Ownership("gordon", true);
    assertThat(adopt.check(REPLACE, true, Optional.empty())).isEmpty();
    assertThat(adopt.check(REMOVE, true, Optional.empty())).isPresent();
  }
}
