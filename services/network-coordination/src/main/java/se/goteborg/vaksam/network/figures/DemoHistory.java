package se.goteborg.vaksam.network.figures;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.meeting.MeetingDirectory;
import se.goteborg.vaksam.network.meeting.MeetingDirectory.MeetingSummary;
import se.goteborg.vaksam.network.meeting.MeetingKind;
import se.goteborg.vaksam.network.member.MemberDirectory;
import se.goteborg.vaksam.network.member.MemberDirectory.MemberSummary;
import se.goteborg.vaksam.platform.events.Indicator;

/**
 * A year of made-up history for the local run's demo members, so that a coordinator opening the demo finds figures,
 * charts, a quarterly report with its trends, a member that has stopped reporting and the network's meetings, rather
 * than a page of zeros. The tips and their alerts are written as their events would be, through the same
 * repositories ({@link TipFact}, {@link AlertRouted}, {@link AlertStatusChanged}), but never published: no one is
 * alerted about a made-up tip, and no personal data is made up at all. Each day's tips come from a random seed of
 * that day under fixed ids, so writing a day again writes the same entries. The days up to yesterday are written
 * once (the figures' meta document {@value #PROGRESS} remembers the last), a later start adds the days since, and
 * today is left to real tips. Health stays DOWN until the history is in place, so the local run is reported ready
 * with its figures complete.
 */
@Component
@ConditionalOnBooleanProperty("vaksam.demo.enabled")
class DemoHistory implements ApplicationListener<ApplicationReadyEvent>, ReactiveHealthIndicator, DisposableBean {

    static final int DAYS = 365;
    static final String PROGRESS = "demoHistory";

    /**
     * How often each demo member reports, in tips a week, and for how many days it has not (the venue stopped,
     * so the figures list it as not reporting); the hotel and the taxi firm the README names report most.
     */
    static final Map<String, Habit> HABITS = Map.of(
            "demo-hotel", new Habit(4, 0),
            "demo-taxi", new Habit(3, 0),
            "demo-hotel-hisingen", new Habit(2, 0),
            "demo-hostel", new Habit(1.5, 0),
            "demo-restaurant", new Habit(0.7, 0),
            "demo-venue", new Habit(1, 120));

    record Habit(double tipsPerWeek, int quietDays) {
    }

    /**
     * The network's meetings, four a year on the second Tuesday of their month, and a training each March: fixed days,
     * so a later start finds the same meetings and adds only those held since.
     */
    private static final Map<Month, String> MEETINGS = Map.of(
            Month.FEBRUARY, "Nätverksträff vinter",
            Month.MAY, "Nätverksträff inför sommarens evenemang",
            Month.SEPTEMBER, "Nätverksträff efter sommaren",
            Month.NOVEMBER, "Nätverksträff inför julen");
    private static final Month TRAINING = Month.MARCH;
    private static final String TRAINING_TITLE = "Utbildning: tecknen på människohandel";

    private static final List<String> OUTCOMES = List.of("ACTED", "PASSED_ON", "INSUFFICIENT", "NO_ACTION");
    private static final Set<String> CONTROL_SIGNS = Set.of("BOOKER_NOT_OCCUPANT", "SOMEONE_SPEAKS_FOR_PERSON",
            "NO_ID_OR_LUGGAGE", "PAID_OR_BOOKED_BY_OTHER", "NO_OWN_ID_OR_MONEY", "COMPANION_CONTROLS",
            "FEARFUL_OR_DRUGGED", "VISIBLE_INJURIES_OR_BRANDING");
    /** Where taxi trips end: mostly in the city centre. */
    private static final List<District> DROP_OFFS = List.of(District.CENTRUM, District.CENTRUM, District.CENTRUM,
            District.CENTRUM, District.HISINGEN, District.HISINGEN, District.SYDVAST, District.NORDOST,
            District.OUTSIDE_CITY);
    private static final int PARALLEL_WRITES = 4;

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private final TipFactsRepository tips;
    private final AlertFactsRepository alerts;
    private final MemberDirectory members;
    private final MeetingDirectory meetings;
    private final MongoCollection<Document> meta;
    private final Clock clock;
    private volatile boolean seeded;
    private volatile Disposable seeding;

    DemoHistory(TipFactsRepository tips, AlertFactsRepository alerts, MemberDirectory members,
                MeetingDirectory meetings, MongoDatabase database, Clock clock) {
        this.tips = tips;
        this.alerts = alerts;
        this.members = members;
        this.meetings = meetings;
        this.meta = database.getCollection(TipFactsRepository.META);
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        seeding = seed()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(retry -> log.warn("Seeding the demo history failed, retrying: {}",
                                retry.failure().toString())))
                .subscribe(days -> {
                    seeded = true;
                    log.info("Demo history in place ({} days written)", days);
                });
    }

    /**
     * Writes the days since the last seeding, up to yesterday, and the meetings; emits how many days were written.
     * Fails while the demo members are not all in the register yet (they are seeded beside it), to be retried.
     */
    Mono<Long> seed() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), FigurePeriod.CITY_TIME);
        return members.all().filter(member -> HABITS.containsKey(member.memberId()))
                .sort(Comparator.comparing(MemberSummary::memberId)).collectList()
                .flatMap(demo -> demo.size() < HABITS.size()
                        ? Mono.error(new IllegalStateException("the demo members are not all registered yet"))
                        : Mono.just(demo))
                .flatMap(demo -> meetings(demo, today).then(firstDayToWrite(today))
                        .flatMapMany(first -> Flux.fromStream(first.datesUntil(today)))
                        .concatMap(day -> write(day, demo).thenReturn(day))
                        .concatMap(day -> Mono.from(meta.updateOne(Filters.eq("_id", PROGRESS),
                                new Document("$max", new Document("through", day.toString())),
                                new UpdateOptions().upsert(true))).thenReturn(day))
                        .count());
    }

    private Mono<LocalDate> firstDayToWrite(LocalDate today) {
        LocalDate earliest = today.minusDays(DAYS);
        return Mono.from(meta.find(Filters.eq("_id", PROGRESS)).first())
                .map(progress -> LocalDate.parse(progress.getString("through")).plusDays(1))
                .map(next -> next.isBefore(earliest) ? earliest : next)
                .defaultIfEmpty(earliest);
    }

    private Mono<Void> meetings(List<MemberSummary> demo, LocalDate today) {
        List<MeetingSummary> held = new ArrayList<>();
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
            for (Month month : Month.values()) {
                LocalDate heldOn = LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(2,
                        DayOfWeek.TUESDAY));
                if (heldOn.isBefore(today.minusDays(DAYS)) || !heldOn.isBefore(today)) {
                    continue;
                }
                if (MEETINGS.containsKey(month)) {
                    held.add(meeting(MeetingKind.MEETING, MEETINGS.get(month), heldOn, demo));
                } else if (month == TRAINING) {
                    held.add(meeting(MeetingKind.TRAINING, TRAINING_TITLE, heldOn, demo));
                }
            }
        }
        return Flux.fromIterable(held).concatMap(meetings::record).then();
    }

    /** A meeting under an id of its day, attended by most of the members, drawn from a seed of its day. */
    private static MeetingSummary meeting(MeetingKind kind, String title, LocalDate heldOn, List<MemberSummary> demo) {
        RandomGenerator random = new SplittableRandom(heldOn.toEpochDay());
        Set<String> attendees = new TreeSet<>();
        for (MemberSummary member : demo) {
            if (random.nextDouble() < 0.7) {
                attendees.add(member.memberId());
            }
        }
        return new MeetingSummary("demo-" + kind.name().toLowerCase(Locale.ROOT) + "-" + heldOn, kind, title, heldOn,
                attendees);
    }

    private Mono<Void> write(LocalDate day, List<MemberSummary> demo) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, FigurePeriod.CITY_TIME);
        List<Mono<Void>> writes = new ArrayList<>();
        for (MemberSummary member : demo) {
            Habit habit = HABITS.get(member.memberId());
            if (!day.isBefore(today.minusDays(habit.quietDays()))) {
                continue;
            }
            // A seed of the day and the member: a day written again gets the same tips, whatever else changed.
            RandomGenerator random = new SplittableRandom(day.toEpochDay() * 31 + member.memberId().hashCode());
            int count = poisson(random, habit.tipsPerWeek() / 7 * season(day));
            for (int n = 0; n < count; n++) {
                String tipId = "demo-" + day + "-" + member.memberId() + "-" + n;
                Instant submittedAt = day.atStartOfDay(FigurePeriod.CITY_TIME)
                        .plusMinutes(random.nextInt(24 * 60)).toInstant();
                TipFact tip = tip(random, tipId, member, day);
                // Drawn here, in order, not when the writes run: those run a few at a time, in no fixed order.
                Mono<Void> write = tips.record(tip);
                for (AlertRouted alert : alerts(random, tip, submittedAt)) {
                    write = write.then(alerts.routed(alert));
                    for (AlertStatusChanged change : changes(random, alert, now)) {
                        write = write.then(alerts.statusChanged(change));
                    }
                }
                writes.add(write);
            }
        }
        return Flux.fromIterable(writes).flatMap(write -> write, PARALLEL_WRITES).then();
    }

    /** More tips in summer, when the city's large events bring more trade in sex. */
    private static double season(LocalDate day) {
        Month month = day.getMonth();
        return month == Month.JULY || month == Month.AUGUST ? 1.8 : month == Month.JUNE ? 1.3 : 1.0;
    }

    private static int poisson(RandomGenerator random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static TipFact tip(RandomGenerator random, String tipId, MemberSummary member, LocalDate day) {
        Channel channel = member.type() == MemberType.TAXI ? Channel.TAXI : Channel.HOTEL;
        List<Indicator> signs = Arrays.stream(Indicator.values())
                .filter(indicator -> indicator.channel() == channel).toList();
        List<String> indicators = new ArrayList<>();
        for (int wanted = 1 + random.nextInt(3); indicators.size() < wanted; ) {
            String sign = signs.get(random.nextInt(signs.size())).name();
            if (!indicators.contains(sign)) {
                indicators.add(sign);
            }
        }
        double minor = random.nextDouble();
        double kind = random.nextDouble();
        String district = channel == Channel.TAXI ? DROP_OFFS.get(random.nextInt(DROP_OFFS.size())).name()
                : member.district();
        return new TipFact(tipId, member.memberId(), member.type().name(), channel.name(), district,
                (kind < 0.65 ? ExploitationType.SEXUAL : kind < 0.75 ? ExploitationType.LABOUR
                        : kind < 0.8 ? ExploitationType.BEGGING : kind < 0.85 ? ExploitationType.CRIMINAL
                        : ExploitationType.UNKNOWN).name(),
                (minor < 0.06 ? SuspectedMinor.YES : minor < 0.15 ? SuspectedMinor.UNSURE : SuspectedMinor.NO).name(),
                random.nextDouble() < 0.04, indicators.stream().sorted().toList(), day);
    }

    /**
     * The alerts routing would roughly send: the police always; social services for children when a minor may be
     * involved, else Mikamottagningen for sexual exploitation; the regional coordinators on signs of control or other
     * exploitation; the lettings group now and then, for premises that match the register.
     */
    private static List<AlertRouted> alerts(RandomGenerator random, TipFact tip, Instant submittedAt) {
        boolean child = !SuspectedMinor.NO.name().equals(tip.suspectedMinor());
        boolean control = tip.indicators().stream().anyMatch(CONTROL_SIGNS::contains);
        boolean sexual = ExploitationType.SEXUAL.name().equals(tip.exploitationType());
        List<AlertRouted> routed = new ArrayList<>();
        routed.add(alert(tip, submittedAt, Recipient.POLICE, child || tip.immediateDanger() ? Priority.IMMEDIATE
                : control || !sexual ? Priority.HIGH : Priority.NORMAL));
        if (child) {
            routed.add(alert(tip, submittedAt, Recipient.SOCIAL_SERVICES_CHILDREN, Priority.IMMEDIATE));
        } else if (sexual) {
            routed.add(alert(tip, submittedAt, Recipient.MIKAMOTTAGNINGEN, control ? Priority.HIGH : Priority.NORMAL));
        }
        if (!child && (control || !sexual) && random.nextDouble() < 0.6) {
            routed.add(alert(tip, submittedAt, Recipient.REGION_COORDINATORS, Priority.HIGH));
        }
        if (Channel.HOTEL.name().equals(tip.channel()) && random.nextDouble() < 0.05) {
            routed.add(alert(tip, submittedAt, Recipient.LETTINGS_GROUP, Priority.NORMAL));
        }
        return routed;
    }

    private static AlertRouted alert(TipFact tip, Instant submittedAt, Recipient recipient, Priority priority) {
        return AlertRouted.newBuilder()
                .setEventId(tip.tipId() + "-" + recipient + "-routed")
                .setAlertId(tip.tipId() + "-" + recipient)
                .setTipId(tip.tipId())
                .setRecipient(recipient)
                .setPriority(priority)
                .setReasons(List.of("DEMO_HISTORY"))
                .setRulesVersion("demo")
                .setRoutedAt(submittedAt.plusSeconds(1))
                .setChannel(Channel.valueOf(tip.channel()))
                .build();
    }

    /**
     * What the recipient did, as far as it had happened by {@code now}: most alerts acknowledged within minutes to
     * hours (a few too late, so escalated first), most of those closed with an outcome; some never acknowledged.
     */
    private static List<AlertStatusChanged> changes(RandomGenerator random, AlertRouted alert, Instant now) {
        Duration deadline = switch (alert.getPriority()) {
            case IMMEDIATE -> Duration.ofMinutes(15);
            case HIGH -> Duration.ofHours(4);
            case NORMAL -> Duration.ofDays(3);
        };
        List<AlertStatusChanged> changes = new ArrayList<>();
        Instant routedAt = alert.getRoutedAt();
        boolean acknowledges = random.nextDouble() < 0.9;
        long minutes = Math.max(1, Math.round(Math.exp(random.nextGaussian() * 0.9) * deadline.toMinutes() / 4.0));
        Instant acknowledgedAt = routedAt.plus(Duration.ofMinutes(minutes));
        boolean closes = random.nextDouble() < 0.85;
        String outcome = OUTCOMES.get(random.nextInt(OUTCOMES.size()));
        Instant closedAt = acknowledgedAt.plus(Duration.ofHours(1 + random.nextInt(72)));
        if (!acknowledges || minutes > deadline.toMinutes()) {
            changes.add(change(alert, AlertStatus.ESCALATED, null, routedAt.plus(deadline)));
        }
        if (acknowledges) {
            changes.add(change(alert, AlertStatus.ACKNOWLEDGED, null, acknowledgedAt));
            if (closes) {
                changes.add(change(alert, AlertStatus.OUTCOME_RECORDED, outcome, closedAt));
            }
        }
        return changes.stream().filter(change -> change.getChangedAt().isBefore(now)).toList();
    }

    private static AlertStatusChanged change(AlertRouted alert, AlertStatus status, String outcome, Instant at) {
        return AlertStatusChanged.newBuilder()
                .setEventId(alert.getAlertId() + "-" + status)
                .setAlertId(alert.getAlertId())
                .setTipId(alert.getTipId())
                .setRecipient(alert.getRecipient())
                .setStatus(status)
                .setOutcome(outcome)
                .setChangedAt(at)
                .build();
    }

    @Override
    public Mono<Health> health() {
        return Mono.just(seeded ? Health.up().build() : Health.down().withDetail("demoHistory", "seeding").build());
    }

    @Override
    public void destroy() {
        Disposable running = seeding;
        if (running != null) {
            running.dispose();
        }
    }
}
