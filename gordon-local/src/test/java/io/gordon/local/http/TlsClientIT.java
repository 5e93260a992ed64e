package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS client (https:// against the plain-HTTP port) is told off in the log and closed at once.
 */
class TlsClientIT {
  @TempDir static Path root;
  static RunningHttpSource http;
  static final List<String> logged = new CopyOnWriteArrayList<>();
  static final Logger jul = Logger.getLogger("gordon.local.http");
  static final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logged.add(r.getLevel() + " " + r.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void start() {
    logged.clear(); // a second run of the class in one JVM (a rerun) starts afresh
    jul.addHandler(handler);
    // a header_timeout far beyond the client's read timeout: only an early close passes
    http = new RunningHttpSource(root, Map.of("header_timeout", "5m"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    http.close();
    jul.removeHandler(handler);
  }

  @Test
  void aTlsHandshakeIsClosedAtOnceAndLoggedOnceNamingThePeer() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new TrustingManager()}, null);
    try (Socket plain = http.connect();
        SSLSocket s =
            (SSLSocket)
                tls.getSocketFactory().createSocket(plain, "127.0.0.1", http.port(), true)) {
      // Before, the ClientHello waited for header_timeout: this read timed out instead.
      s.setSoTimeout(5_000);
      assertThatThrownBy(s::startHandshake)
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("Remote host terminated the handshake");
      String peer = "/127.0.0.1:" + plain.getLocalPort();
      assertThat(logged.stream().filter(l -> l.contains("TLS")))
          .containsExactly(
              "WARNING local.http: TLS handshake from "
                  + peer
                  + " on a plain-HTTP port: local.http serves HTTP only; put a TLS proxy in"
                  + " front");
    }
    assertThat(http.post("Content-Type: application/json\r\n", HttpSourceIT.A))
        .as("plain HTTP is served as before")
        .startsWith("202 ");
  }

  /** Trusts any server: the handshake must reach the server's first answer, not fail on trust. */
  private static final class TrustingManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
