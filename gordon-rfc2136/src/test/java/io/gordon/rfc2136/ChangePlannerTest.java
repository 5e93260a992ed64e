package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.ConflictException;
import io.gordon.api.OwnershipException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.rfc2136.ChangePlanner.Planned;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;

class ChangePlannerTest {
  private final Rfc2136Settings settings =
      new Rfc2136Settings(
          "rfc2136",
          Rfc2136Settings.parseServer("rfc2136", "127.0.0.1:5353"),
          List.of("example.test."),
          Optional.empty(),
          Duration.ofSeconds(1),
          Rfc2136Settings.TcpMode.AUTO,
          300,
          500,
          4);
  private final ChangePlanner planner = new ChangePlanner(settings);

  private Op send(Change c, Optional<RecordSet> live) {
    return ((Planned.Send) planner.plan(0, c, "example.test.", live)).op();
  }

  private static List<String> text(List<Record> records) {
    return records.stream().map(Record::toString).map(s -> s.replaceAll("\\s+", " ")).toList();
  }

  @Test
  void replaceDeletesTheRrsetAndAddsTheRdataWhenNoCnameIsThere() {
    Op op =
        send(
            new Change.Replace(RecordSet.of("w.example.test.", RecordType.A, List.of("192.0.2.1"))),
            Optional.empty());
    assertThat(text(op.prerequisites())).containsExactly("w.example.test. 0 NONE CNAME");
    assertThat(text(op.updates()))
        .containsExactly("w.example.test. 0 ANY A", "w.example.test. 300 IN A 192.0.2.1");
  }

  @Test
  void cnameNeedsTheNameUnusedUnlessACnameIsThereAlready() {
    var c =
        new Change.Replace(
            RecordSet.of("c.example.test.", RecordType.CNAME, 60, "t.example.test."));
    assertThat(ChangePlanner.readBefore(c)).contains(RecordType.CNAME);
    assertThat(text(send(c, Optional.empty()).prerequisites()))
        .containsExactly("c.example.test. 0 NONE ANY");
    assertThat(
            text(
                send(
                        c,
                        Optional.of(
                            RecordSet.of(
                                "c.example.test.", RecordType.CNAME, 60, "old.example.test.")))
                    .prerequisites()))
        .containsExactly("c.example.test. 0 ANY CNAME");
  }

  @Test
  void compareAndSwapAddsAValueDependentPrerequisite() {
    Op op =
        send(
            new Change.Replace(
                RecordSet.of("w.example.test.", RecordType.A, 300, "192.0.2.2"),
                Optional.of(List.of("192.0.2.1"))),
            Optional.empty());
    assertThat(text(op.prerequisites()))
        .containsExactly("w.example.test. 0 IN A 192.0.2.1", "w.example.test. 0 NONE CNAME");
  }

  @Test
  void removalOfWhatIsAbsentIsUnchangedWithoutSending() {
    var c = new Change.Remove(RecordSet.of("w.example.test.", RecordType.A, List.of("192.0.2.9")));
    Planned p =
        planner.plan(
            0,
            c,
            "example.test.",
            Optional.of(RecordSet.of("w.example.test.", RecordType.A, 300, "192.0.2.1")));
    assertThat(p)
        .isEqualTo(
            new Planned.Done(
                new ChangeResult.Unchanged(
                    c, "none of the rdata to remove is in w.example.test./A")));
  }

  @Test
  void removalWhoseExpectationDoesNotMatchIsAConflict() {
    var c =
        new Change.Remove(
            RecordSet.of("w.example.test.", RecordType.A, List.of()),
            Optional.of(List.of("192.0.2.1")));
    Planned p =
        planner.plan(
            0,
            c,
            "example.test.",
            Optional.of(RecordSet.of("w.example.test.", RecordType.A, 300, "192.0.2.2")));
    var error = ((ChangeResult.Failed) ((Planned.Done) p).result()).error();
    assertThat(error)
        .isInstanceOf(ConflictException.class)
        .hasMessage("expected w.example.test./A to hold [192.0.2.1] but found [192.0.2.2]");
  }

  @Test
  void removalOfListedRdataDeletesOnlyThose() {
    Op op =
        send(
            new Change.Remove(RecordSet.of("w.example.test.", RecordType.A, List.of("192.0.2.1"))),
            Optional.of(
                RecordSet.of("w.example.test.", RecordType.A, 300, "192.0.2.1", "192.0.2.2")));
    assertThat(op.prerequisites()).isEmpty();
    assertThat(text(op.updates())).containsExactly("w.example.test. 0 NONE A 192.0.2.1");
  }

  @Test
  void claimedNewRrsetNeedsTheRrsetAndItsMarkerAbsentAndOnlyAddsBoth() {
    var c =
        new Change.Replace(RecordSet.of("w.example.test.", RecordType.A, 300, "192.0.2.1"))
            .withOwnership(Ownership.of("gordon"));
    Op op =
        ((Planned.Send) planner.plan(0, c, "example.test.", Optional.empty(), Optional.empty()))
            .op();
    assertThat(text(op.prerequisites()))
        .containsExactly(
            "w.example.test. 0 NONE CNAME",
            "_gordon-a-w.example.test. 0 NONE TXT",
            "w.example.test. 0 NONE A");
    assertThat(text(op.updates()))
        .containsExactly(
            "w.example.test. 300 IN A 192.0.2.1",
            "_gordon-a-w.example.test. 300 IN TXT heritage=gordon,owner=gordon,"
                + "record=w.example.test.,type=A,v=1");
  }

  @Test
  void claimedReplaceOfAnOwnedRrsetNeedsOnlyTheMarkerAsRead() {
    String marker = new OwnerMarker("gordon", "w.example.test.", RecordType.A).rdata();
    var c =
        new Change.Replace(RecordSet.of("w.example.test.", RecordType.A, 300, "192.0.2.1"))
            .withOwnership(Ownership.of("gordon"));
    Op op =
        ((Planned.Send)
                planner.plan(
                    0,
                    c,
                    "example.test.",
                    Optional.empty(),
                    Optional.of(
                        RecordSet.of("_gordon-a-w.example.test.", RecordType.TXT, 300, marker))))
            .op();
    assertThat(text(op.prerequisites()))
        .containsExactly(
            "w.example.test. 0 NONE CNAME",
            "_gordon-a-w.example.test. 0 IN TXT " + marker.replace("\"", ""));
    assertThat(text(op.updates()))
        .containsExactly("w.example.test. 0 ANY A", "w.example.test. 300 IN A 192.0.2.1");
  }

  @Test
  void claimedRemovalOfTheLastRdataNeedsTheExactRrsetAndRemovesTheMarker() {
    String marker = new OwnerMarker("gordon", "w.example.test.", RecordType.A).rdata();
    var c =
        new Change.Remove(RecordSet.of("w.example.test.", RecordType.A, List.of("192.0.2.1")))
            .withOwnership(Ownership.of("gordon"));
    Op op =
        ((Planned.Send)
                planner.plan(
                    0,
                    c,
                    "example.test.",
                    Optional.of(RecordSet.of("w.example.test.", RecordType.A, 300, "192.0.2.1")),
                    Optional.of(
                        RecordSet.of("_gordon-a-w.example.test.", RecordType.TXT, 300, marker))))
            .op();
    assertThat(text(op.prerequisites()))
        .containsExactly(
            "_gordon-a-w.example.test. 0 IN TXT " + marker.replace("\"", ""),
            "w.example.test. 0 IN A 192.0.2.1");
    assertThat(text(op.updates()))
        .containsExactly(
            "w.example.test. 0 NONE A 192.0.2.1", "_gordon-a-w.example.test. 0 ANY TXT");
  }

  @Test
  void claimedRemovalOfAnUnownedRrsetIsRefusedWithoutSending() {
    var c =
        new Change.Remove(RecordSet.of("w.example.test.", RecordType.A, List.of()))
            .withOwnership(Ownership.of("gordon"));
    Planned p =
        planner.plan(
            0,
            c,
            "example.test.",
            Optional.of(RecordSet.of("w.example.test.", RecordType.A, 300, "192.0.2.1")),
            Optional.empty());
    assertThat(((ChangeResult.Failed) ((Planned.Done) p).result()).error())
        .isInstanceOf(OwnershipException.class)
        .hasMessage(
            "w.example.test. A exists and is owned by none (this gordon is 'gordon');"
                + " not changed");
  }
}
