package se.goteborg.vaksam.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * What the benchmarks share about sending at a fixed open-loop rate: waiting for the moment a request is due, and
 * afterwards for the answers still out.
 */
final class OpenLoop {

    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();

    static void waitUntil(long dueNanos) {
        long remaining;
        while ((remaining = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    void add(CompletableFuture<?> answer) {
        inFlight.add(answer);
    }

    /** Whether every answer came within the time-out; the answers are forgotten either way. */
    boolean awaitAnswers(Duration timeout) {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true; // each failure is already counted in its series
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            inFlight.clear();
        }
    }
}
