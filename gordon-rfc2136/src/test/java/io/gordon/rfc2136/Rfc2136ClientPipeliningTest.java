package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.config.Secret;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * Messages in flight together on dnsjava's one shared TCP connection, answered out of order by a
 * server on a real socket: each must get its own answer although their builder gave them all the
 * same id (what two random ids do once in a while, and often with many UPDATEs in flight).
 */
class Rfc2136ClientPipeliningTest {
  private static final int IN_FLIGHT = 8;
  private static final String ZONE = "pipe.test.";

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private ServerSocket socket;
  private CompletableFuture<Void> server;

  /** The key the client signs with; none by default. */
  private Optional<TsigSettings> clientKey = Optional.empty();

  /** The key the server signs its answers with; none by default. */
  private volatile TSIG serverKey;

  @BeforeEach
  void start() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server = CompletableFuture.runAsync(this::answerInReverseOrder);
  }

  @AfterEach
  void stop() throws IOException {
    socket.close();
  }

  @Test
  void queriesInFlightWithTheSameIdEachGetTheirOwnAnswerWhenTheServerAnswersOutOfOrder() {
    List<Message> answers =
        sendAll(i -> Message.newQuery(Record.newRecord(name(i), Type.A, DClass.IN)));
    for (int i = 0; i < IN_FLIGHT; i++) {
      Message answer = answers.get(i);
      assertThat(answer.getQuestion().getName()).as("question of answer %d", i).isEqualTo(name(i));
      assertThat(answer.getSection(Section.ANSWER)).as("answer %d", i).containsExactly(address(i));
    }
  }

  /**
   * The UPDATEs of one zone all have the same zone section, so dnsjava cannot tell their answers
   * apart by content: with a shared id one message's result is silently reported for another.
   */
  @Test
  void updatesOfOneZoneInFlightWithTheSameIdEachGetTheirOwnResultWhenAnsweredOutOfOrder() {
    List<Message> answers = sendAll(Rfc2136ClientPipeliningTest::update);
    for (int i = 0; i < IN_FLIGHT; i++) {
      assertThat(Rcode.string(answers.get(i).getRcode()))
          .as("result of UPDATE %d", i)
          .isEqualTo(Rcode.string(rcodeFor(i)));
    }
  }

  /**
   * Signed messages are sent from the rendered octets with the signature appended (no re-render).
   */
  @Test
  void signedUpdatesAnsweredOutOfOrderEachGetTheirOwnVerifiedResult() {
    clientKey =
        Optional.of(TsigSettings.of("rfc2136", "k.", "hmac-sha256", new Secret(KEY, "test")));
    serverKey = new TSIG(TSIG.HMAC_SHA256, "k.", KEY);
    List<Message> answers = sendAll(Rfc2136ClientPipeliningTest::update);
    for (int i = 0; i < IN_FLIGHT; i++) {
      assertThat(answers.get(i).isVerified()).as("answer %d verified", i).isTrue();
      assertThat(Rcode.string(answers.get(i).getRcode()))
          .as("result of UPDATE %d", i)
          .isEqualTo(Rcode.string(rcodeFor(i)));
    }
  }

  @Test
  void anAnswerSignedWithAnotherKeyIsNotVerified() {
    clientKey =
        Optional.of(TsigSettings.of("rfc2136", "k.", "hmac-sha256", new Secret(KEY, "test")));
    byte[] other = new byte[32];
    other[0] = 1;
    serverKey = new TSIG(TSIG.HMAC_SHA256, "k.", Base64.getEncoder().encodeToString(other));
    assertThat(sendAll(Rfc2136ClientPipeliningTest::update))
        .noneMatch(Message::isVerified)
        .hasSize(IN_FLIGHT);
  }

  private static Message update(int i) {
    Update u = new Update(Records.name(ZONE));
    u.add(address(i));
    return u;
  }

  /** Sends the messages at once, each built with the id 4242, and returns their answers. */
  private List<Message> sendAll(IntFunction<Message> build) {
    Rfc2136Client client = new Rfc2136Client(settings(), Clock.systemUTC());
    List<CompletableFuture<Message>> answers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < IN_FLIGHT; i++) {
        Message m = build.apply(i);
        m.getHeader().setID(4242);
        answers.add(CompletableFuture.supplyAsync(() -> send(client, m), threads));
      }
    }
    server.join();
    return answers.stream().map(CompletableFuture::join).toList();
  }

  /** What the server answers UPDATE {@code i}: every other one fails its prerequisites. */
  private static int rcodeFor(int i) {
    return i % 2 == 0 ? Rcode.NOERROR : Rcode.NXRRSET;
  }

  private Rfc2136Settings settings() {
    return new Rfc2136Settings(
        "rfc2136",
        new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()),
        List.of(ZONE),
        clientKey,
        Duration.ofSeconds(5),
        Rfc2136Settings.TcpMode.ALWAYS,
        300,
        500,
        IN_FLIGHT);
  }

  private static Message send(Rfc2136Client client, Message query) {
    try {
      return client.send(query);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code i} of a record named by {@link #name}. */
  private static int index(Record r) {
    return Integer.parseInt(r.getName().getLabelString(0).substring(1));
  }

  private static Name name(int i) {
    return Records.name("q" + i + "." + ZONE);
  }

  private static Record address(int i) {
    try {
      return new ARecord(
          name(i), DClass.IN, 60, InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) i}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads every message of the one connection before answering any, then answers the last first: an
   * answer's id is the only thing the client can match it by.
   */
  private void answerInReverseOrder() {
    try (Socket s = socket.accept();
        DataInputStream in = new DataInputStream(s.getInputStream());
        DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
      List<Message> queries = new ArrayList<>();
      while (queries.size() < IN_FLIGHT) {
        byte[] wire = new byte[in.readUnsignedShort()];
        in.readFully(wire);
        queries.add(new Message(wire));
      }
      for (Message q : queries.reversed()) {
        Message a = new Message(q.getHeader().getID());
        a.getHeader().setFlag(Flags.QR);
        a.getHeader().setOpcode(q.getHeader().getOpcode());
        a.addRecord(q.getQuestion(), Section.QUESTION);
        if (q.getHeader().getOpcode() == Opcode.UPDATE) {
          a.getHeader().setRcode(rcodeFor(index(q.getSection(Section.UPDATE).get(0))));
        } else {
          a.addRecord(address(index(q.getQuestion())), Section.ANSWER);
        }
        if (serverKey != null) {
          serverKey.apply(a, q.getTSIG());
        }
        byte[] wire = a.toWire();
        out.writeShort(wire.length);
        out.write(wire);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
