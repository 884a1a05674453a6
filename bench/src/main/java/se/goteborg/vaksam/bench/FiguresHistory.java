package se.goteborg.vaksam.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;

import se.goteborg.vaksam.bench.RegisterGenerator.District;
import se.goteborg.vaksam.bench.RegisterGenerator.Street;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;
import se.goteborg.vaksam.platform.events.Indicator;

/**
 * A network's history as the event topics would hold it, from a fixed seed: tips spread evenly, oldest first, over
 * the days before {@code end} from the members given, each tip's alerts as the routing rules would roughly send them (the police
 * always; Mikamottagningen for adults in sexual exploitation; social services for children when a minor may be
 * involved; the regional coordinators on control signs or labour, begging and crime), and what the recipients did
 * with them (acknowledged after minutes to hours, most closed with an outcome, some escalated). No personal data:
 * the sealed details are absent, the premises are named after their street.
 */
final class FiguresHistory {

    /** A member the tips come from: its id as network-coordination enrolled it, and whether it drives taxis. */
    record Member(String memberId, boolean taxi) {
    }

    private static final List<String> OUTCOMES = List.of("ACTED", "PASSED_ON", "INSUFFICIENT", "NO_ACTION", "CLOSED");
    /** DESIGN.md's control indicators, which routing reads as signs of trafficking. */
    private static final Set<String> CONTROL_SIGNS = Set.of("BOOKER_NOT_OCCUPANT", "SOMEONE_SPEAKS_FOR_PERSON",
            "NO_ID_OR_LUGGAGE", "LOOKOUTS_IN_CORRIDOR", "PAID_OR_BOOKED_BY_OTHER", "DOES_NOT_KNOW_DESTINATION",
            "NO_OWN_ID_OR_MONEY", "COMPANION_CONTROLS", "FEARFUL_OR_DRUGGED", "VISIBLE_INJURIES_OR_BRANDING");
    private static final List<String> HOTEL_SIGNS = new ArrayList<>();
    private static final List<String> TAXI_SIGNS = new ArrayList<>();

    static {
        for (Indicator indicator : Indicator.values()) {
            (indicator.channel() == Channel.TAXI ? TAXI_SIGNS : HOTEL_SIGNS).add(indicator.name());
        }
    }

    private final Random random;
    private final List<Member> members;
    private final List<Street> streets = new ArrayList<>();

    FiguresHistory(long seed, List<Member> members) {
        this.random = new Random(seed);
        this.members = List.copyOf(members);
        for (District district : GothenburgData.DISTRICTS) {
            streets.addAll(district.streets());
        }
    }

    /** {@code tips} tips over the {@code days} before {@code end}, each followed by its alerts and their changes. */
    void generate(int tips, int days, Instant end, Consumer<SpecificRecord> sink) {
        long window = Duration.ofDays(days).toMillis();
        // Most members report now and then; the last eighth of them (at least one) never do.
        int reporting = Math.max(1, members.size() - Math.max(1, members.size() / 8));
        Instant start = end.minusMillis(window);
        for (int i = 0; i < tips; i++) {
            // Oldest first, as a network's history came about: the figures' day documents then grow one day at a
            // time, where tips in random order would rewrite every day's document again and again.
            Instant submittedAt = start.plusMillis((long) ((i + random.nextDouble()) * window / tips));
            Member member = members.get(random.nextInt(reporting));
            TipSubmitted tip = tip(member, submittedAt);
            sink.accept(tip);
            for (AlertRouted alert : alerts(tip)) {
                sink.accept(alert);
                changes(alert).forEach(sink);
            }
        }
    }

    private TipSubmitted tip(Member member, Instant submittedAt) {
        Channel channel = member.taxi() ? Channel.TAXI : Channel.HOTEL;
        List<String> signs = channel == Channel.TAXI ? TAXI_SIGNS : HOTEL_SIGNS;
        List<String> indicators = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); indicators.size() < n; ) {
            String sign = signs.get(random.nextInt(signs.size()));
            if (!indicators.contains(sign)) {
                indicators.add(sign);
            }
        }
        double minor = random.nextDouble();
        double kind = random.nextDouble();
        TipSubmitted.Builder tip = TipSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTipId(UUID.randomUUID().toString())
                .setMemberId(member.memberId())
                .setChannel(channel)
                .setSubmittedAt(submittedAt)
                .setObservedAt(submittedAt.minus(Duration.ofMinutes(5 + random.nextInt(180))))
                .setIndicators(indicators)
                .setSuspectedMinor(minor < 0.05 ? SuspectedMinor.YES : minor < 0.15 ? SuspectedMinor.UNSURE
                        : SuspectedMinor.NO)
                .setImmediateDanger(random.nextDouble() < 0.03)
                .setExploitationType(kind < 0.6 ? ExploitationType.SEXUAL : kind < 0.7 ? ExploitationType.LABOUR
                        : kind < 0.75 ? ExploitationType.BEGGING : kind < 0.8 ? ExploitationType.CRIMINAL
                        : ExploitationType.UNKNOWN);
        if (channel == Channel.TAXI) {
            tip.setTrip(TaxiTrip.newBuilder()
                    .setPickup(TripStop.newBuilder().setAddress(address()).setTime(submittedAt).build())
                    .setDropoff(TripStop.newBuilder().setAddress(address()).setTime(submittedAt).build())
                    .build());
        } else {
            Address address = address();
            tip.setPremises(HotelPremises.newBuilder().setName("Hotell " + address.getStreetAddress())
                    .setAddress(address).build());
        }
        return tip.build();
    }

    private Address address() {
        Street street = streets.get(random.nextInt(streets.size()));
        return Address.newBuilder().setStreetAddress(street.name() + " " + (1 + random.nextInt(street.maxNumber())))
                .setPostalCode(street.postalCode()).setCity("Göteborg").build();
    }

    private List<AlertRouted> alerts(TipSubmitted tip) {
        boolean child = tip.getSuspectedMinor() != SuspectedMinor.NO;
        boolean control = tip.getIndicators().stream().anyMatch(CONTROL_SIGNS::contains);
        ExploitationType type = tip.getExploitationType();
        Priority police = child || tip.getImmediateDanger() ? Priority.IMMEDIATE
                : control || type != ExploitationType.SEXUAL ? Priority.HIGH : Priority.NORMAL;
        List<AlertRouted> alerts = new ArrayList<>();
        alerts.add(alert(tip, Recipient.POLICE, police));
        if (child) {
            alerts.add(alert(tip, Recipient.SOCIAL_SERVICES_CHILDREN, Priority.IMMEDIATE));
        } else if (type == ExploitationType.SEXUAL) {
            alerts.add(alert(tip, Recipient.MIKAMOTTAGNINGEN, control ? Priority.HIGH : Priority.NORMAL));
        }
        if (!child && (control || type == ExploitationType.LABOUR || type == ExploitationType.BEGGING
                || type == ExploitationType.CRIMINAL)) {
            alerts.add(alert(tip, Recipient.REGION_COORDINATORS, Priority.HIGH));
        }
        if (random.nextDouble() < 0.1) {
            alerts.add(alert(tip, Recipient.LETTINGS_GROUP, Priority.NORMAL));
        }
        return alerts;
    }

    private AlertRouted alert(TipSubmitted tip, Recipient recipient, Priority priority) {
        return AlertRouted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(UUID.randomUUID().toString())
                .setTipId(tip.getTipId())
                .setRecipient(recipient)
                .setPriority(priority)
                .setReasons(List.of("BENCH_HISTORY"))
                .setRulesVersion("2")
                .setRoutedAt(tip.getSubmittedAt().plusMillis(200 + random.nextInt(800)))
                .setChannel(tip.getChannel())
                .build();
    }

    private List<AlertStatusChanged> changes(AlertRouted alert) {
        List<AlertStatusChanged> changes = new ArrayList<>();
        Duration deadline = switch (alert.getPriority()) {
            case IMMEDIATE -> Duration.ofMinutes(15);
            case HIGH -> Duration.ofHours(4);
            case NORMAL -> Duration.ofDays(3);
        };
        if (random.nextDouble() < 0.85) {
            // Minutes to hours, more often soon than late: a lognormal around a quarter of the deadline.
            long minutes = Math.max(1, Math.round(Math.exp(random.nextGaussian() * 0.9)
                    * deadline.toMinutes() / 4.0));
            Instant acknowledged = alert.getRoutedAt().plus(Duration.ofMinutes(minutes));
            if (minutes > deadline.toMinutes()) {
                changes.add(change(alert, AlertStatus.ESCALATED, null, alert.getRoutedAt().plus(deadline)));
            }
            changes.add(change(alert, AlertStatus.ACKNOWLEDGED, null, acknowledged));
            if (random.nextDouble() < 0.8) {
                changes.add(change(alert, AlertStatus.OUTCOME_RECORDED, OUTCOMES.get(random.nextInt(OUTCOMES.size())),
                        acknowledged.plus(Duration.ofHours(1 + random.nextInt(72)))));
            }
        } else {
            changes.add(change(alert, AlertStatus.ESCALATED, null, alert.getRoutedAt().plus(deadline)));
        }
        return changes;
    }

    private AlertStatusChanged change(AlertRouted alert, AlertStatus status, String outcome, Instant at) {
        return AlertStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alert.getAlertId())
                .setTipId(alert.getTipId())
                .setRecipient(alert.getRecipient())
                .setStatus(status)
                .setOutcome(outcome)
                .setChangedAt(at)
                .setPriority(status == AlertStatus.ESCALATED ? alert.getPriority() : null)
                .setAcknowledgeBy(status == AlertStatus.ESCALATED ? at : null)
                .setEscalatedTo(status == AlertStatus.ESCALATED ? alert.getRecipient().name() + "_DUTY_DESK" : null)
                .build();
    }
}
