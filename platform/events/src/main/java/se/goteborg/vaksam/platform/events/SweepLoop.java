package se.goteborg.vaksam.platform.events;

import java.time.Duration;
import java.util.function.Function;

import org.reactivestreams.Publisher;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The loop of a background sweep (the outbox relay, webhook deliveries, bulletin e-mails): a pass at start, one every
 * interval as the safety net, and one soon after each {@link #trigger()}. The owner shapes the passes into its
 * pipeline, usually {@code concatMap(pass -> ..., 1)}, so passes never overlap: while one runs, one trigger waits and
 * the others are dropped, since the pass that follows does their work too. The owner's {@code SmartLifecycle} calls
 * {@link #start()} and {@link #stop()}.
 */
public final class SweepLoop {

    /** Why a pass runs: the interval came round, or a writer asked for one. */
    public enum Pass {
        SCHEDULED, TRIGGERED
    }

    private final Duration interval;
    private final Function<Flux<Pass>, ? extends Publisher<?>> pipeline;
    private final Sinks.Many<Pass> triggers = Sinks.many().multicast().directBestEffort();
    private volatile Disposable loop;

    /**
     * @param pipeline the passes made into the work, subscribed at {@link #start()}; it must not fail, or the loop
     *                 stops until the next start
     */
    public SweepLoop(Duration interval, Function<Flux<Pass>, ? extends Publisher<?>> pipeline) {
        this.interval = interval;
        this.pipeline = pipeline;
    }

    /** Asks for a pass soon; cheap, never blocks. */
    public void trigger() {
        triggers.tryEmitNext(Pass.TRIGGERED);
    }

    public void start() {
        loop = Flux.from(pipeline.apply(Flux.merge(Flux.interval(Duration.ZERO, interval).map(tick -> Pass.SCHEDULED),
                        triggers.asFlux())
                .onBackpressureDrop()))
                .subscribe();
    }

    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    public boolean isRunning() {
        Disposable running = loop;
        return running != null && !running.isDisposed();
    }
}
