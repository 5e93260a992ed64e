package io.gordon.gcp.dns;

import com.google.api.services.dns.model.Change;
import com.google.api.services.dns.model.ResourceRecordSet;
import io.gordon.gcp.ApiCallException;
import io.gordon.gcp.ApiError;
import io.gordon.gcp.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sends one Cloud DNS change and waits until it is {@code done}. Retriable failures (429, 5xx,
 * network) are retried with backoff and jitter under the same {@code clientOperationId}, so a
 * change whose answer was lost is not applied twice.
 */
final class ChangeSubmitter {
  /** How a submission ended. */
  sealed interface Result permits Done, Failed, TimedOut {}

  /** The change is done. */
  record Done(String changeId) implements Result {}

  /** The change was refused or could not be sent. */
  record Failed(ApiError error) implements Result {}

  /** The change was accepted but was still pending at the deadline. */
  record TimedOut(String changeId, Duration waited) implements Result {}

  private final CloudDnsApi api;
  private final Backoff backoff;
  private final int retries;
  private final Duration waitTimeout;

  ChangeSubmitter(CloudDnsApi api, Backoff backoff, int retries, Duration waitTimeout) {
    this.api = api;
    this.backoff = backoff;
    this.retries = retries;
    this.waitTimeout = waitTimeout;
  }

  Result submit(String managedZone, List<RrsetDiff> diffs) {
    List<ResourceRecordSet> additions = new ArrayList<>();
    List<ResourceRecordSet> deletions = new ArrayList<>();
    for (RrsetDiff d : diffs) {
      deletions.addAll(d.deletions());
      additions.addAll(d.additions());
    }
    Change body =
        new Change().setKind("dns#change").setAdditions(additions).setDeletions(deletions);
    String operationId = UUID.randomUUID().toString();
    for (int attempt = 0; ; attempt++) {
      try {
        Change created = api.create(managedZone, body, operationId);
        return await(managedZone, created);
      } catch (ApiCallException e) {
        if (e.error().kind() != ApiError.Kind.RETRIABLE
            || attempt >= retries
            || !backoff.sleep(attempt)) {
          return new Failed(e.error());
        }
      }
    }
  }

  private Result await(String managedZone, Change created) {
    long start = System.nanoTime();
    long deadline = start + waitTimeout.toNanos();
    String status = created.getStatus();
    for (int poll = 0; !"done".equals(status); poll++) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new TimedOut(created.getId(), Duration.ofNanos(System.nanoTime() - start));
      }
      long pause = Math.min(Duration.ofMillis(50L << Math.min(poll, 4)).toNanos(), left);
      try {
        Thread.sleep(Duration.ofNanos(pause));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TimedOut(created.getId(), Duration.ofNanos(System.nanoTime() - start));
      }
      try {
        status = api.change(managedZone, created.getId()).getStatus();
      } catch (ApiCallException e) {
        if (e.error().kind() == ApiError.Kind.PERMANENT) {
          return new Failed(e.error());
        }
      }
    }
    return new Done(created.getId());
  }
}
