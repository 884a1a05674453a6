package se.goteborg.vaksam.premises.register;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Seeds the demo register in the local demo run. Reports DOWN until it is seeded, so whoever waits for the service's
 * health (the devstack) never sends tips to a half-seeded register.
 */
@Component("lettingsRegister")
class LettingsRegisterInitializer implements ReactiveHealthIndicator {

    static final String DEMO_REGISTER = "demo/lettings-register.csv";
    private static final Logger log = LoggerFactory.getLogger(LettingsRegisterInitializer.class);

    private final LettingsRegisterRepository register;
    private final boolean demo;
    private volatile boolean ready;

    LettingsRegisterInitializer(LettingsRegisterRepository register,
                                @Value("${vaksam.demo.enabled:false}") boolean demo) {
        this.register = register;
        this.demo = demo;
        this.ready = !demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void initialise() {
        if (!demo) {
            return;
        }
        seedDemoRegister()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        // A broken demo file stays broken; only store outages are worth waiting out.
                        .filter(e -> !(e instanceof IllegalStateException))
                        .doBeforeRetry(signal -> log.warn("Seeding the demo register failed, retrying: {}",
                                signal.failure().toString())))
                .doOnSuccess(done -> ready = true)
                .subscribe(null, e -> log.error("The demo register could not be seeded", e));
    }

    private Mono<Void> seedDemoRegister() {
        return Mono.fromCallable(LettingsRegisterInitializer::readDemoRegister)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(parsed -> {
                    if (!parsed.problems().isEmpty()) {
                        return Mono.error(new IllegalStateException("The demo register is invalid: " + parsed.problems()));
                    }
                    return register.upsertAll(parsed.entries());
                })
                .doOnNext(result -> log.info("Demo lettings register seeded: {} premises ({} new)",
                        result.rows(), result.added()))
                .then();
    }

    private static RegisterCsvParser.Result readDemoRegister() {
        try (Reader reader = new InputStreamReader(new ClassPathResource(DEMO_REGISTER).getInputStream(),
                StandardCharsets.UTF_8)) {
            return RegisterCsvParser.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Mono<Health> health() {
        return Mono.just(ready ? Health.up().build() : Health.down().withDetail("register", "not ready yet").build());
    }
}
