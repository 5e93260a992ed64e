package io.gordon.gcp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneResolverTest {
  @ParameterizedTest
  @CsvSource({
    "example.com., '', example-com",
    "example.com., production, production-example-com",
    "sub.example.com., '', sub-example-com",
    "20.10.in-addr.arpa., '', reverse-20-10",
    "30.20.10.in-addr.arpa., '', reverse-20-10",
    "40.30.20.10.in-addr.arpa., '', reverse-20-10",
    "30.20.10.in-addr.arpa., testing, testing-reverse-20-10"
  })
  void theOriginalNamingConventionIsKept(String zone, String prefix, String expected) {
    assertThat(ZoneResolver.conventionName(zone, prefix)).isEqualTo(expected);
  }
}
