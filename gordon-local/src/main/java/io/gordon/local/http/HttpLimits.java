package io.gordon.local.http;

import java.time.Duration;

/**
 * What one client may cost {@code local.http}.
 *
 * @param headerTimeout longest time from a connection's start (or a request's first byte) to the
 *     end of its headers; slower clients get 408 and are closed
 * @param idleTimeout longest quiet time on a kept-alive connection, and per body read
 * @param bodyTimeout longest time from the end of a request's headers to the end of its body;
 *     slower clients get 408 and are closed
 * @param maxConnections most open connections; at the limit the longest-idle one is closed for a
 *     new one, and when none is idle the new one gets 503
 * @param maxBodyBytes largest request body
 */
record HttpLimits(
    Duration headerTimeout,
    Duration idleTimeout,
    Duration bodyTimeout,
    int maxConnections,
    int maxBodyBytes) {}
