package se.goteborg.vaksam.network.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.member.MemberProfile.Address;
import se.goteborg.vaksam.network.member.MemberProfile.Contact;

/**
 * The demo members of the local run, with the intake keys the README names (hotel and taxi; the others, whose tips
 * make the figures' demo history, have keys of the same pattern). Fixed ids make seeding an upsert:
 * a second run finds them unchanged and publishes nothing. Health stays DOWN until they are stored and published,
 * so the local run is only reported ready once intake can learn the demo keys.
 */
@Component
@ConditionalOnBooleanProperty("vaksam.demo.enabled")
class DemoMembers implements ApplicationListener<ApplicationReadyEvent>, ReactiveHealthIndicator, DisposableBean {

    static final String HOTEL_ID = "demo-hotel";
    static final String TAXI_ID = "demo-taxi";
    static final String HOTEL_KEY = "demo-hotel-key";
    static final String TAXI_KEY = "demo-taxi-key";

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

    private final MemberService service;
    private final MemberRepository members;
    private final Clock clock;
    private volatile boolean seeded;
    private volatile Disposable seeding;

    DemoMembers(MemberService service, MemberRepository members, Clock clock) {
        this.service = service;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seeding = seed()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(retry -> log.warn("Seeding demo members failed, retrying: {}",
                                retry.failure().toString())))
                .subscribe(changed -> {
                    seeded = true;
                    log.info("Demo members in place ({} changed)", changed);
                });
    }

    /** Emits how many demo members had to be created or changed. */
    Mono<Long> seed() {
        return Flux.fromIterable(desired()).concatMap(service::ensure).filter(Boolean::booleanValue).count();
    }

    private List<Member> desired() {
        Instant now = clock.instant();
        LocalDate joined = LocalDate.of(2025, 3, 1);
        return List.of(
                Member.enrolled(HOTEL_ID, new MemberProfile(MemberType.HOTEL, "Demohotellet Göteborg", "556000-0001",
                        new Address("Kungsgatan 12", "411 19", "Göteborg"), District.CENTRUM,
                        new Contact("Receptionen Demohotellet", "reception@demohotellet.example", "031-00 00 01"),
                        joined), IntakeKeys.hash(HOTEL_KEY), now),
                Member.enrolled(TAXI_ID, new MemberProfile(MemberType.TAXI, "Demotaxi Väst", "556000-0019",
                        new Address("Exportgatan 2", "422 46", "Hisings Backa"), District.HISINGEN,
                        new Contact("Trafikledningen Demotaxi", "trafik@demotaxi.example", "031-00 00 02"),
                        joined), IntakeKeys.hash(TAXI_KEY), now),
                demo("demo-hotel-hisingen", MemberType.HOTEL, "Demohotellet Lindholmen", "556000-0050",
                        new Address("Lindholmsallén 10", "417 55", "Göteborg"), District.HISINGEN, joined, now),
                demo("demo-hostel", MemberType.HOSTEL, "Demovandrarhemmet Frölunda", "556000-0027",
                        new Address("Frölunda Torg 1", "421 42", "Västra Frölunda"), District.SYDVAST, joined, now),
                demo("demo-restaurant", MemberType.RESTAURANT, "Demokrogen Angered", "556000-0035",
                        new Address("Angereds Torg 5", "424 65", "Angered"), District.NORDOST, joined, now),
                demo("demo-venue", MemberType.VENUE, "Demoscenen Järntorget", "556000-0043",
                        new Address("Järntorget 3", "413 04", "Göteborg"), District.CENTRUM, joined, now));
    }

    private static Member demo(String memberId, MemberType type, String name, String orgNumber, Address address,
                               District district, LocalDate joined, Instant now) {
        return Member.enrolled(memberId, new MemberProfile(type, name, orgNumber, address, district,
                        new Contact("Kontaktperson " + name, memberId + "@network.example", "031-00 00 10"), joined),
                IntakeKeys.hash(memberId + "-key"), now);
    }

    @Override
    public Mono<Health> health() {
        if (!seeded) {
            return Mono.just(Health.down().withDetail("demoMembers", "seeding").build());
        }
        // Ready only once intake can learn the demo keys from the member topic, not merely once they are stored.
        return members.published(desired().stream().map(Member::memberId).toList()).map(published -> published
                ? Health.up().build()
                : Health.down().withDetail("demoMembers", "publishing").build());
    }

    @Override
    public void destroy() {
        Disposable running = seeding;
        if (running != null) {
            running.dispose();
        }
    }
}
