package se.goteborg.vaksam.platform.events;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import reactor.core.publisher.Mono;

/** Bridges reactive handling to Kafka listener threads. */
public final class Listeners {

    private static final Duration HANDLING_LIMIT = Duration.ofSeconds(30);

    private Listeners() {
    }

    /**
     * Runs the handling to its end on the Kafka consumer thread that called. Waiting here is deliberate: a consumer
     * thread is not an event loop, and finishing one record before the next keeps per-key order and lets the
     * container commit the offset only after the work is stored. Failures surface as the original exception, so the
     * container's error handler retries them and finally sends the record to the dead-letter topic.
     */
    public static void handle(Mono<?> handling) {
        try {
            handling.timeout(HANDLING_LIMIT).toFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
