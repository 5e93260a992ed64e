package io.gordon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.PluginKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossCheckTest {
  static final ConfigSpec WEB =
      ConfigSpec.builder()
          .optional("listen", ConfigType.STRING, "127.0.0.1:8053", Rule.hostPort(), "Address.")
          .optional("token", ConfigType.SECRET, null, Rule.any(), "Token.")
          .build();
  static final ConfigSpec ZONES =
      ConfigSpec.builder()
          .required("zones", ConfigType.STRING_LIST, Rule.nonEmpty(), "Zones.")
          .build();
  static final ConfigSpec CLOUD =
      ConfigSpec.builder()
          .required("dns_zone", ConfigType.STRING, Rule.nonEmpty(), "Zone.")
          .build();
  static final Map<String, ConfigSpec> SPECS =
      Map.of("web", WEB, "files", ZONES, "cloud.dns", CLOUD, "cloud.enricher", CLOUD);
  static final Map<String, PluginKind> KINDS =
      Map.of(
          "web",
          PluginKind.SOURCE,
          "files",
          PluginKind.PROVIDER,
          "cloud.dns",
          PluginKind.PROVIDER,
          "cloud.enricher",
          PluginKind.HANDLER);

  @TempDir Path dir;

  List<String> problems(String toml) throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), toml);
    Path rel = Path.of("").toAbsolutePath().relativize(dir);
    RawConfig raw = ConfigFiles.load(rel);
    ValidatedConfig v =
        new ConfigValidator(
                new ConfigValidator.Specs() {
                  @Override
                  public Optional<ConfigSpec> plugin(String name) {
                    return Optional.ofNullable(SPECS.get(name));
                  }

                  @Override
                  public Optional<ConfigSpec> relay(String name) {
                    return Optional.of(ConfigSpec.empty());
                  }

                  @Override
                  public Set<String> knownNames() {
                    return SPECS.keySet();
                  }

                  @Override
                  public Optional<PluginKind> kind(String name) {
                    return Optional.ofNullable(KINDS.get(name));
                  }
                },
                Map.<String, String>of()::get)
            .validate(raw);
    return v.problems().stream().map(p -> p.toString().replace(rel + "/", "")).toList();
  }

  @Test
  void aPublicListenAddressWithoutATokenIsReportedAtTheAddress() throws Exception {
    assertThat(problems("[core]\nplugins = [\"web\"]\n[web]\nlisten = \"0.0.0.0:8053\"\n"))
        .containsExactly(
            "gordon.toml:4:1: web.listen: \"0.0.0.0:8053\" is not a loopback"
                + " address and web.token is not set: anyone who reaches it could change DNS"
                + " records (expected a loopback address such as 127.0.0.1:8053, or a token, e.g."
                + " token = { env = \"GORDON_HTTP_TOKEN\" })");
  }

  @Test
  void aPublicListenAddressWithATokenOrALoopbackOneIsFine() throws Exception {
    assertThat(
            problems(
                "[core]\nplugins = [\"web\"]\n[web]\nlisten = \"0.0.0.0:8053\"\n"
                    + "token = \"s3cret\"\n"))
        .isEmpty();
    assertThat(problems("[core]\nplugins = [\"web\"]\n[web]\nlisten = \"[::1]:8053\"\n")).isEmpty();
  }

  @Test
  void aPortTakenTwiceIsReportedWhereItIsWrittenSecondNamingTheFirst() throws Exception {
    assertThat(
            problems(
                "[core]\nplugins = [\"web\"]\n[core.admin]\nlisten = \"127.0.0.1:9053\""
                    + "\n[web]\nlisten = \"0.0.0.0:9053\"\ntoken = \"t\"\n"))
        .containsExactly(
            "gordon.toml:6:1: web.listen: port 9053 of \"0.0.0.0:9053\" is also taken by"
                + " core.admin.listen = \"127.0.0.1:9053\" (gordon.toml:4:1) (expected a port no"
                + " other server of this configuration listens on, or 0 for a free one)");
  }

  @Test
  void theSamePortOnTwoAddressesOrPortZeroTwiceDoesNotClash() throws Exception {
    assertThat(
            problems(
                "[core]\nplugins = [\"web\"]\n[core.admin]\nlisten = \"127.0.0.1:0\""
                    + "\n[web]\nlisten = \"127.0.0.1:0\"\n"))
        .isEmpty();
    assertThat(
            problems(
                "[core]\nplugins = [\"web\"]\n[core.admin]\nlisten = \"127.0.0.2:80\""
                    + "\n[web]\nlisten = \"127.0.0.1:80\"\n"))
        .isEmpty();
  }

  @Test
  void twoProvidersForOneZoneAreReportedAtTheSecond() throws Exception {
    assertThat(
            problems(
                "[core]\nplugins = [\"files\", \"cloud.dns\", \"cloud.enricher\"]\n"
                    + "[files]\nzones = [\"example.com.\", \"example.org\"]\n[cloud]\n"
                    + "dns_zone = \"Example.com.\"\n"))
        .containsExactly(
            "gordon.toml:6:1: cloud.dns_zone: zone example.com. is also managed by files"
                + " (files.zones, gordon.toml:4:1) (expected each zone in the zones of one provider"
                + " only)");
  }

  @Test
  void hostPortParsesOnceWithBracketsAndRefusesWhatIsNotOne() {
    assertThat(HostPort.parse("[::1]:80")).contains(new HostPort("::1", 80));
    assertThat(HostPort.parse("localhost:9053").orElseThrow().loopback()).isTrue();
    assertThat(HostPort.parse("0.0.0.0:1").orElseThrow().wildcard()).isTrue();
    assertThat(HostPort.parse("::1:80")).isEmpty();
    assertThat(HostPort.parse("host:99999")).isEmpty();
    assertThat(HostPort.parse("host")).isEmpty();
    assertThat(new HostPort("::1", 80)).hasToString("[::1]:80");
  }
}
