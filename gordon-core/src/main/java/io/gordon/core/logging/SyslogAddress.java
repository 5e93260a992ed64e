package io.gordon.core.logging;

import java.util.List;
import java.util.Map;

/**
 * Where syslog lines go: core.logging.address as {@code [host, port]}, {@code ["host:port"]} or a
 * socket path; else SYSLOG_HOST / SYSLOG_PORT; else 127.0.0.1:514. Unix socket paths (the
 * original's /dev/log default) are not supported by the JDK for datagrams: the local syslog
 * daemon's UDP port is used instead, with a note saying so.
 *
 * @param host host
 * @param port port
 * @param note a warning to print, or null
 */
record SyslogAddress(String host, int port, String note) {
  static SyslogAddress of(List<String> address, Map<String, String> env) {
    if (address.size() >= 2) {
      return new SyslogAddress(address.get(0), Integer.parseInt(address.get(1).trim()), null);
    }
    if (address.size() == 1 && !address.get(0).startsWith("/") && address.get(0).contains(":")) {
      String a = address.get(0);
      int c = a.lastIndexOf(':');
      return new SyslogAddress(a.substring(0, c), Integer.parseInt(a.substring(c + 1)), null);
    }
    String host = env.getOrDefault("SYSLOG_HOST", "127.0.0.1");
    int port = Integer.parseInt(env.getOrDefault("SYSLOG_PORT", "514"));
    String note =
        address.size() == 1
            ? "core.logging.address "
                + address.get(0)
                + " is a socket path, which is not supported; sending syslog to "
                + host
                + ":"
                + port
                + " over UDP"
            : null;
    return new SyslogAddress(host, port, note);
  }
}
