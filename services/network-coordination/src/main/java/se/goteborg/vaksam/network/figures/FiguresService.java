package se.goteborg.vaksam.network.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.figures.AlertFigures.Minutes;
import se.goteborg.vaksam.network.figures.AlertFigures.PeriodAlerts;
import se.goteborg.vaksam.network.figures.AlertFigures.RecipientFigures;
import se.goteborg.vaksam.network.figures.FigurePeriod.Bucket;
import se.goteborg.vaksam.network.figures.MemberFigures.Group;
import se.goteborg.vaksam.network.figures.MemberFigures.MeetingHeld;
import se.goteborg.vaksam.network.figures.MemberFigures.MemberNotReporting;
import se.goteborg.vaksam.network.figures.MemberFigures.MemberParticipation;
import se.goteborg.vaksam.network.figures.MemberFigures.NotReporting;
import se.goteborg.vaksam.network.figures.MemberFigures.Participation;
import se.goteborg.vaksam.network.figures.MemberFigures.State;
import se.goteborg.vaksam.network.figures.TipFigures.PeriodTips;
import se.goteborg.vaksam.network.figures.TipFigures.TipCounts;
import se.goteborg.vaksam.network.meeting.MeetingDirectory;
import se.goteborg.vaksam.network.meeting.MeetingDirectory.MeetingSummary;
import se.goteborg.vaksam.network.member.MemberDirectory;
import se.goteborg.vaksam.network.member.MemberDirectory.MemberSummary;
import se.goteborg.vaksam.platform.events.Indicator;

/**
 * The network's anonymous figures, counted from the tallies of the period's days: the days are read by id, so a
 * figure costs the same whatever the size of the history before it.
 */
@Service
class FiguresService {

    /** A member that has reported nothing for this many days is listed as not reporting. */
    static final int NOT_REPORTING_DAYS = 90;

    static final List<String> CHANNELS = names(Channel.values());
    static final List<String> MEMBER_TYPES = Stream.concat(names(MemberType.values()).stream(),
            Stream.of(Codes.UNKNOWN)).toList();
    static final List<String> DISTRICTS = names(District.values());
    static final List<String> EXPLOITATION_TYPES = names(ExploitationType.values());
    static final List<String> SUSPECTED_MINOR = names(SuspectedMinor.values());
    static final List<String> INDICATORS = names(Indicator.values());

    private final TipFactsRepository tips;
    private final AlertFactsRepository alerts;
    private final MemberDirectory members;
    private final MeetingDirectory meetings;
    private final Clock clock;

    FiguresService(TipFactsRepository tips, AlertFactsRepository alerts, MemberDirectory members,
                   MeetingDirectory meetings, Clock clock) {
        this.tips = tips;
        this.alerts = alerts;
        this.members = members;
        this.meetings = meetings;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), FigurePeriod.CITY_TIME);
    }

    /** The day of the first tip counted, or today when there is none yet. */
    Mono<LocalDate> firstDay() {
        return tips.firstDay().defaultIfEmpty(today());
    }

    /** A period's tips, alerts and meetings, each day's tallies read once. */
    record Overview(TipFigures tips, AlertFigures alerts, Participation participation) {
    }

    Mono<Overview> overview(FigurePeriod period) {
        return Mono.zip(tips.tallies(period.days()), alerts.tallies(period.days()), held(period),
                        members.all().collectList())
                .map(all -> new Overview(tipFigures(period, all.getT1()), alertFigures(period, all.getT2()),
                        participation(period, Tally.merged(all.getT1().values()), all.getT3(), all.getT4())));
    }

    Mono<TipFigures> tips(FigurePeriod period) {
        return tips.tallies(period.days()).map(days -> tipFigures(period, days));
    }

    Mono<AlertFigures> alerts(FigurePeriod period) {
        return alerts.tallies(period.days()).map(days -> alertFigures(period, days));
    }

    private static TipFigures tipFigures(FigurePeriod period, Map<LocalDate, Tally> days) {
        return new TipFigures(period.from(), period.to(), period.by().code(), tipCounts(Tally.merged(days.values())),
                period.buckets().stream().map(bucket -> new PeriodTips(bucket.label(), bucket.from(), bucket.to(),
                        bucket.partial(), tipCounts(within(days, bucket)))).toList());
    }

    private static AlertFigures alertFigures(FigurePeriod period, Map<LocalDate, Tally> days) {
        return new AlertFigures(period.from(), period.to(), period.by().code(), recipients(Tally.merged(days.values())),
                period.buckets().stream().map(bucket -> new PeriodAlerts(bucket.label(), bucket.from(), bucket.to(),
                        bucket.partial(), recipients(within(days, bucket)))).toList());
    }

    /**
     * The active members without a tip in the {@value #NOT_REPORTING_DAYS} days up to and including today, those that
     * never reported first, then by the day they last did.
     */
    Mono<NotReporting> notReporting() {
        LocalDate today = today();
        LocalDate since = today.minusDays(NOT_REPORTING_DAYS - 1L);
        return members.all().filter(member -> member.status() == MemberStatus.ACTIVE).collectList()
                .flatMap(active -> tips.lastReported(active.stream().map(MemberSummary::memberId).toList())
                        .map(last -> active.stream()
                                .filter(member -> last.get(member.memberId()) == null
                                        || last.get(member.memberId()).isBefore(since))
                                .map(member -> new MemberNotReporting(member.memberId(), member.name(), member.type(),
                                        member.district(), member.joinedOn(), last.get(member.memberId()),
                                        member.joinedOn() != null && !member.joinedOn().isBefore(since)
                                                ? State.NEW : State.INACTIVE))
                                .sorted(Comparator.comparing(MemberNotReporting::lastReportedOn,
                                                Comparator.nullsFirst(Comparator.naturalOrder()))
                                        .thenComparing(MemberNotReporting::name, String.CASE_INSENSITIVE_ORDER))
                                .toList()))
                .map(list -> new NotReporting(today, NOT_REPORTING_DAYS, list));
    }

    /**
     * Meetings next to reporting: every active member, and any other that attended a meeting of the period, with the
     * meetings it attended and the tips it reported in the period.
     */
    Mono<Participation> participation(FigurePeriod period) {
        return Mono.zip(tips.tallies(period.days()), held(period), members.all().collectList())
                .map(all -> participation(period, Tally.merged(all.getT1().values()), all.getT2(), all.getT3()));
    }

    private Mono<List<MeetingSummary>> held(FigurePeriod period) {
        return meetings.heldBetween(period.from(), period.to()).collectList();
    }

    private static Participation participation(FigurePeriod period, Tally reported, List<MeetingSummary> held,
                                               List<MemberSummary> all) {
        List<MeetingSummary> meetingList = held.stream().sorted(Comparator.comparing(MeetingSummary::heldOn)).toList();
        Map<String, Long> tipsByMember = reported.dimension(TipFact.MEMBER);
        List<MemberParticipation> rows = all.stream()
                .map(member -> Map.entry(member, participation(member, meetingList, tipsByMember)))
                .filter(row -> row.getKey().status() == MemberStatus.ACTIVE || row.getValue().meetingsAttended() > 0)
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(MemberParticipation::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new Participation(period.from(), period.to(),
                meetingList.stream().map(m -> new MeetingHeld(m.meetingId(), m.kind(), m.title(), m.heldOn(),
                        Count.of(m.attendeeMemberIds().size()))).toList(),
                rows, group(rows.stream().filter(r -> r.meetingsAttended() > 0).toList()),
                group(rows.stream().filter(r -> r.meetingsAttended() == 0).toList()));
    }

    private static MemberParticipation participation(MemberSummary member, List<MeetingSummary> held,
                                                     Map<String, Long> tipsByMember) {
        int attended = (int) held.stream().filter(m -> m.attendeeMemberIds().contains(member.memberId())).count();
        long reported = tipsByMember.getOrDefault(Codes.key(member.memberId()), 0L);
        return new MemberParticipation(member.memberId(), member.name(), member.type(), member.district(), attended,
                reported > 0, Count.of(reported));
    }

    private static Group group(List<MemberParticipation> rows) {
        long reported = rows.stream().filter(MemberParticipation::reported).count();
        Count members = Count.of(rows.size());
        Count reporting = Count.of(reported);
        Integer percent = rows.isEmpty() || members.suppressed() || reporting.suppressed() ? null
                : Math.toIntExact(Math.round(100.0 * reported / rows.size()));
        return new Group(members, reporting, percent);
    }

    private static Tally within(Map<LocalDate, Tally> days, Bucket bucket) {
        return Tally.merged(days.entrySet().stream()
                .filter(day -> !day.getKey().isBefore(bucket.from()) && day.getKey().isBefore(bucket.to()))
                .map(Map.Entry::getValue).toList());
    }

    static TipCounts tipCounts(Tally tally) {
        long total = tally.get(TipFact.TIPS);
        return new TipCounts(Count.of(total),
                cells(tally, TipFact.CHANNEL, CHANNELS, total),
                cells(tally, TipFact.MEMBER_TYPE, MEMBER_TYPES, total),
                cells(tally, TipFact.DISTRICT, DISTRICTS, total),
                cells(tally, TipFact.EXPLOITATION_TYPE, EXPLOITATION_TYPES, total),
                cells(tally, TipFact.SUSPECTED_MINOR, SUSPECTED_MINOR, total),
                Count.inGroupOf(tally.get(TipFact.IMMEDIATE_DANGER), total),
                cells(tally, TipFact.INDICATOR, withOther(INDICATORS, tally.get(TipFact.INDICATOR, Codes.OTHER)),
                        total));
    }

    private static List<String> withOther(List<String> codes, long others) {
        return others == 0 ? codes : Stream.concat(codes.stream(), Stream.of(Codes.OTHER)).toList();
    }

    private static Map<String, Count> cells(Tally tally, String dimension, List<String> codes, long total) {
        Map<String, Count> cells = new LinkedHashMap<>();
        codes.forEach(code -> cells.put(code, Count.inGroupOf(tally.get(dimension, code), total)));
        return cells;
    }

    static List<RecipientFigures> recipients(Tally tally) {
        return Arrays.stream(Recipient.values()).map(recipient -> recipient(tally, recipient)).toList();
    }

    private static RecipientFigures recipient(Tally tally, Recipient recipient) {
        String prefix = recipient.name() + "/";
        long alerts = tally.get(prefix + AlertFactsRepository.ALERTS);
        long acknowledged = tally.get(prefix + AlertFactsRepository.ACKNOWLEDGED);
        Map<Priority, Count> byPriority = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            byPriority.put(priority, Count.of(tally.get(prefix + AlertFactsRepository.PRIORITY, priority.name())));
        }
        Map<String, Count> outcomes = new TreeMap<>();
        tally.dimension(prefix + AlertFactsRepository.OUTCOME).forEach((code, n) -> outcomes.put(code, Count.of(n)));
        return new RecipientFigures(recipient, Count.of(alerts), byPriority, Count.of(acknowledged),
                Count.of(alerts - acknowledged), Count.of(tally.get(prefix + AlertFactsRepository.ESCALATED)),
                Count.of(tally.get(prefix + AlertFactsRepository.PRIORITY_CHANGED)), outcomes,
                minutes(tally.dimension(prefix + AlertFactsRepository.MINUTES_TO_ACKNOWLEDGE)));
    }

    /** The median and 90th percentile of a histogram of minutes (minute → alerts); null below three alerts. */
    static Minutes minutes(Map<String, Long> histogram) {
        TreeMap<Long, Long> byMinute = new TreeMap<>();
        histogram.forEach((minute, n) -> byMinute.merge(Long.parseLong(minute), n, Long::sum));
        long total = byMinute.values().stream().mapToLong(Long::longValue).sum();
        if (total < Count.SMALLEST_SHOWN) {
            return null;
        }
        return new Minutes(percentile(byMinute, total, 50), percentile(byMinute, total, 90));
    }

    /** The nearest-rank percentile: the least value with {@code percent} per cent of the values at or below it. */
    static long percentile(TreeMap<Long, Long> byValue, long total, int percent) {
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (Map.Entry<Long, Long> value : byValue.entrySet()) {
            seen += value.getValue();
            if (seen >= rank) {
                return value.getKey();
            }
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + total + " values");
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return List.copyOf(names);
    }
}
