package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped examples/gcp/gordon.toml and the original gordon-gcp example configuration (gordon.md
 * 2.2) load unchanged: `gordon config` validates them and creates every plugin. A throw-away
 * service-account key stands in for real credentials.
 */
class GcpConfigIT {
  @TempDir Path dir;

  private Path keyfile() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Path key = dir.resolve("key.json");
    Files.writeString(
        key,
        "{\"type\":\"service_account\",\"project_id\":\"my-gcp-project\","
            + "\"private_key_id\":\"abc\",\"private_key\":"
            + quote(pem)
            + ",\"client_email\":"
            + "\"gordon@my-gcp-project.iam.gserviceaccount.com\",\"client_id\":\"1\","
            + "\"token_uri\":\"https://oauth2.googleapis.com/token\"}");
    return key;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\n", "\\n") + "\"";
  }

  @Test
  void theShippedExampleLoadsAndCreatesEveryPlugin() throws Exception {
    String toml =
        Files.readString(GordonProcess.REPO.resolve("examples/gcp/gordon.toml"))
            .replace("# keyfile = \"/etc/gordon/keys/gordon.json\"", "keyfile = \"key.json\"");
    keyfile();
    Files.writeString(dir.resolve("gordon.toml"), toml);
    Gordon.Result r = Gordon.run(dir, "config", "-c", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("[gcp.publisher]").doesNotContain("BEGIN PRIVATE KEY");
  }

  @Test
  void theOriginalGordonGcpConfigLoadsUnchanged() throws Exception {
    keyfile();
    Files.writeString(
        dir.resolve("gordon.toml"),
        """
        [core]
        plugins = ["gcp.event_consumer", "gcp.enricher", "gcp.publisher"]
        [core.route]
        consume = "enrich"
        enrich  = "publish"
        publish = "cleanup"

        [gcp]
        project = "my-gcp-project"
        dns_zone = "example.com."
        default_zone_prefix = "production"

        [gcp.enricher]
        keyfile = "key.json"

        [gcp.event_consumer]
        keyfile = "key.json"
        topic = "my-dns-changes"
        subscription = "gordon-consumer"
        max_messages = 25
        max_msg_age = 300

        [gcp.publisher]
        project = "my-dns-project"
        keyfile = "key.json"
        publish_wait_timeout = 10
        default_ttl = 300
        """);
    Gordon.Result r = Gordon.run(dir, "config", "-c", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }
}
