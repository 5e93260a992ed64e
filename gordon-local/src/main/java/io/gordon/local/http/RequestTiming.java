package io.gordon.local.http;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A JFR event per request (recorded only while a flight recording enables it, e.g. {@code
 * settings=profile}): where a request's time went inside the server, to tell the 202's tail apart
 * from GC pauses and fsyncs in the same recording. Its duration runs from the request read whole to
 * the answer written.
 */
@Name("gordon.HttpRequest")
@Label("local.http request")
@Category("gordon")
@Description("One local.http request: handling, spool append (write and fsync), answer write")
@StackTrace(false)
final class RequestTiming extends jdk.jfr.Event {
  @Label("Status")
  int status;

  @Label("Handling")
  @Description("Decode, validate, spool append and wait, answer built")
  @Timespan
  long handling;

  @Label("Spool append")
  @Description("From the append's start to its group's fsync done (0 when nothing was spooled)")
  @Timespan
  long spool;

  @Label("Answer write")
  @Timespan
  long write;

  @Label("First event id")
  @Description("The id of the request's first accepted event, to match a client's own timing")
  String id;

  /** The spool append of the request being handled on this thread, read by the connection. */
  private static final ThreadLocal<RequestTiming> SPOOLED = new ThreadLocal<>();

  /** Notes the current request's spool append ({@link EventsHandler}): its time, its first id. */
  static void spooled(long nanos, String firstId) {
    RequestTiming t = SPOOLED.get();
    if (t != null) {
      t.spool = nanos;
      t.id = firstId;
    }
  }

  /** Makes this the current thread's request, for {@link #spooled}, until {@link #done}. */
  void handling() {
    SPOOLED.set(this);
  }

  /** Ends this request's turn on the current thread. */
  void done() {
    SPOOLED.remove();
  }
}
