package se.goteborg.vaksam.intake.abuse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;

/** Time for the buckets that moves only when a test says so. */
final class FakeTime implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
