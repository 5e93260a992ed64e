package io.gordon.testing.gcp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The program behind {@code bin/fake-google-apis}: the stateful fake of Cloud DNS and Compute as a
 * process on {@code 127.0.0.1:PORT}, with its control routes ({@link FakeControl}) under {@code
 * /_fake/}, in the foreground until SIGTERM. {@code --zone PROJECT/NAME/DNS_NAME} (repeatable)
 * creates managed zones at start. Prints {@code fake-google-apis ready root=URL} once it serves.
 */
public final class FakeGoogleApisMain {
  private FakeGoogleApisMain() {}

  /** Runs the fake; exit status 2 on bad arguments. */
  public static void main(String[] args) throws InterruptedException {
    int port = 0;
    List<String[]> zones = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i += 2) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(required(args[i], value));
          case "--zone" -> zones.add(zone(required(args[i], value)));
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println(
          "fake-google-apis: "
              + e.getMessage()
              + "\nusage: bin/fake-google-apis [--port PORT] [--zone PROJECT/NAME/DNS_NAME]...");
      System.exit(2);
      return;
    }
    FakeGoogleApis apis = FakeGoogleApis.start(Clock.systemUTC(), port);
    apis.serveControl();
    for (String[] z : zones) {
      apis.dns().addZone(z[0], z[1], z[2]);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  apis.close();
                  stopped.countDown();
                },
                "fake-google-apis-shutdown"));
    System.out.println("fake-google-apis ready root=" + apis.rootUrl());
    System.out.flush();
    stopped.await();
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  private static String[] zone(String spec) {
    String[] parts = spec.split("/", -1);
    if (parts.length != 3 || !parts[2].endsWith(".")) {
      throw new IllegalArgumentException(
          "--zone " + spec + ": expected PROJECT/NAME/DNS_NAME with a trailing dot");
    }
    return parts;
  }
}
