package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTargetTest {
  @Test
  void anOriginFormIsSplitIntoPathAndQueryWithNoAuthority() throws HttpProblem {
    assertThat(RequestTarget.parse("/v1/events?wait=true"))
        .isEqualTo(new RequestTarget("/v1/events", "wait=true", Optional.empty()));
  }

  @Test
  void anAbsoluteFormGivesItsAuthorityAndPathInEitherSchemeAndAnyCase() throws HttpProblem {
    assertThat(RequestTarget.parse("https://[::1]:8053/v1/events/x"))
        .isEqualTo(new RequestTarget("/v1/events/x", "", Optional.of("[::1]:8053")));
    assertThat(RequestTarget.parse("Http://h?wait=false"))
        .as("an empty path is /")
        .isEqualTo(new RequestTarget("/", "wait=false", Optional.of("h")));
    assertThat(RequestTarget.parse("http://h"))
        .isEqualTo(new RequestTarget("/", "", Optional.of("h")));
  }

  @Test
  void anyOtherFormIsKeptAsThePathForNoRouteToMatch() throws HttpProblem {
    assertThat(RequestTarget.parse("ftp://h/x"))
        .isEqualTo(new RequestTarget("ftp://h/x", "", Optional.empty()));
    assertThat(RequestTarget.parse("*")).isEqualTo(new RequestTarget("*", "", Optional.empty()));
  }

  @Test
  void aVeryLongTargetWithoutAHostIsClippedInTheError() {
    String target = "http:///" + "x".repeat(200);
    assertThatThrownBy(() -> RequestTarget.parse(target))
        .hasMessage(
            "request target \""
                + target.substring(0, 100)
                + "...\" names no host or has user info (expected http://host[:port]/path)");
  }
}
