package se.goteborg.vaksam.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;
import se.goteborg.vaksam.platform.events.SweepLoop.Pass;

class SweepLoopTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final List<Pass> passes = new ArrayList<>();
    private final Deque<Sinks.Empty<Void>> open = new ArrayDeque<>();
    private VirtualTimeScheduler time;
    private SweepLoop loop;

    @BeforeEach
    void start() {
        time = VirtualTimeScheduler.getOrSet();
        loop = new SweepLoop(INTERVAL, flux -> flux.concatMap(pass -> {
            passes.add(pass);
            Sinks.Empty<Void> done = Sinks.empty();
            open.add(done);
            return done.asMono();
        }, 1));
        loop.start();
        time.advanceTime();
    }

    @AfterEach
    void stop() {
        loop.stop();
        VirtualTimeScheduler.reset();
    }

    @Test
    void passesAtStartEveryIntervalAndSoonAfterATrigger() {
        assertThat(loop.isRunning()).isTrue();
        assertThat(passes).containsExactly(Pass.SCHEDULED);
        finishPass();

        loop.trigger();
        assertThat(passes).containsExactly(Pass.SCHEDULED, Pass.TRIGGERED);
        finishPass();

        time.advanceTimeBy(INTERVAL);
        assertThat(passes).containsExactly(Pass.SCHEDULED, Pass.TRIGGERED, Pass.SCHEDULED);
    }

    @Test
    void passesNeverOverlapAndTriggersDuringAPassMakeOneMore() {
        loop.trigger();
        loop.trigger();
        loop.trigger();
        assertThat(passes).as("while the first pass runs").containsExactly(Pass.SCHEDULED);

        finishPass();
        assertThat(passes).containsExactly(Pass.SCHEDULED, Pass.TRIGGERED);
        finishPass();
        assertThat(passes).as("the other triggers' work was done by that pass").hasSize(2);
        assertThat(open).isEmpty();
    }

    @Test
    void stoppedItRunsNoMorePasses() {
        finishPass();
        loop.stop();

        assertThat(loop.isRunning()).isFalse();
        loop.trigger();
        time.advanceTimeBy(INTERVAL.multipliedBy(3));
        assertThat(passes).containsExactly(Pass.SCHEDULED);
    }

    private void finishPass() {
        open.removeFirst().tryEmitEmpty();
    }
}
