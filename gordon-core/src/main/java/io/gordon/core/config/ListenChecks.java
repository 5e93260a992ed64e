package io.gordon.core.config;

import io.gordon.api.config.HostPort;
import io.gordon.api.config.Secret;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Cross-checks of the servers gordon starts: who may listen where. */
final class ListenChecks {
  private ListenChecks() {}

  /** A server address of the configuration: the key that set it and where. */
  private record Listener(String key, HostPort address, Origin origin, Optional<String> plugin) {}

  /**
   * A plugin that takes writes on {@code listen} and has a {@code token} key refuses to start on a
   * non-loopback address without a token: anyone who reaches it could change DNS records.
   */
  static List<ConfigProblem> publicWithoutToken(CrossCheck.Input in) {
    List<ConfigProblem> out = new ArrayList<>();
    for (String p : in.plugins()) {
      if (!in.declares(p, "token") || hasToken(in.value(p, "token"))) {
        continue;
      }
      Optional<HostPort> listen =
          in.value(p, "listen").flatMap(ListenChecks::address).filter(a -> !a.loopback());
      listen.ifPresent(
          a ->
              out.add(
                  ConfigProblem.of(
                          in.origins().of(p, "listen"),
                          in.origins().dotted(p, "listen"),
                          "\""
                              + a
                              + "\" is not a loopback address and "
                              + in.origins().dotted(p, "token")
                              + " is not set: anyone who reaches it could"
                              + " change DNS records",
                          "a loopback address such as 127.0.0.1:"
                              + a.port()
                              + ", or a token, e.g. token = { env = \"GORDON_HTTP_TOKEN\" }")
                      .forPlugin(p)));
    }
    return out;
  }

  /** A listen value: a host:port key's value, or the text of a string key. */
  private static Optional<HostPort> address(Object v) {
    return v instanceof HostPort h ? Optional.of(h) : HostPort.parse(String.valueOf(v));
  }

  private static boolean hasToken(Optional<Object> token) {
    return token.filter(t -> !(t instanceof Secret s) || !s.reveal().isEmpty()).isPresent();
  }

  /** Two servers of one configuration cannot listen on the same port of the same address. */
  static List<ConfigProblem> portClashes(CrossCheck.Input in) {
    List<Listener> all = new ArrayList<>();
    if (in.core().admin().enabled()) {
      HostPort.parse(in.core().admin().listen())
          .ifPresent(
              a ->
                  all.add(
                      new Listener(
                          "core.admin.listen",
                          a,
                          in.origins().ofCore("core.admin.listen"),
                          Optional.empty())));
    }
    for (String p : in.plugins()) {
      in.value(p, "listen")
          .flatMap(ListenChecks::address)
          .ifPresent(
              a ->
                  all.add(
                      new Listener(
                          in.origins().dotted(p, "listen"),
                          a,
                          in.origins().of(p, "listen"),
                          Optional.of(p))));
    }
    all.sort(
        Comparator.comparing((Listener l) -> l.origin().file())
            .thenComparingInt(l -> l.origin().line())
            .thenComparingInt(l -> l.origin().column()));
    List<ConfigProblem> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      for (int j = 0; j < i; j++) {
        Listener later = all.get(i);
        Listener first = all.get(j);
        if (later.address().clashesWith(first.address())) {
          ConfigProblem x =
              ConfigProblem.of(
                  later.origin(),
                  later.key(),
                  "port "
                      + later.address().port()
                      + " of \""
                      + later.address()
                      + "\" is also taken by "
                      + first.key()
                      + " = \""
                      + first.address()
                      + "\" ("
                      + first.origin()
                      + ")",
                  "a port no other server of this configuration listens on, or 0 for a free one");
          out.add(later.plugin().map(x::forPlugin).orElse(x));
          break;
        }
      }
    }
    return out;
  }
}
