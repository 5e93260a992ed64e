package io.gordon.core.runtime;

import io.gordon.api.plugin.DnsProvider;
import io.gordon.testing.fakes.FakeEventSource;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A tiny service for {@link SignalIT}: runs until SIGTERM, reporting its shutdown calls. */
public final class SignalMain {
  private SignalMain() {}

  /** Runs with config root {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    FakeEventSource source =
        new FakeEventSource() {
          @Override
          public void shutdown() {
            System.out.println("source shutdown");
          }
        };
    DnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
    DnsProvider reporting =
        new GordonRuntimeIT.GatedProvider((InMemoryDnsProvider) dns) {
          @Override
          public void shutdown() {
            System.out.println("provider shutdown");
          }
        };
    TestAssembly t =
        new TestAssembly(Path.of(args[0])).source("src", source).provider("mem", reporting);
    GordonRuntime rt =
        GordonRuntime.start(
            t.build(Clock.systemUTC(), null), Clock.systemUTC(), Duration.ofMillis(100));
    rt.installSignalHandlers();
    System.out.println("ready");
    System.out.flush();
    int status = rt.awaitTermination();
    System.out.println("exiting " + status);
    System.out.flush();
    System.exit(status);
  }
}
