package se.goteborg.vaksam.platform.events;

import java.time.Duration;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.bulletin.BulletinChanged;
import se.goteborg.vaksam.events.followup.FollowUpMessage;
import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.tip.TipSubmitted;

/** Every topic of Vaksam, declared once. Keys are aggregate ids. */
public final class Topics {

    /**
     * Event topics are kept a year so projections (statistics) can be rebuilt by replay; sealed content in them
     * becomes unreadable when a tip's key is destroyed, so long retention does not extend exposure.
     */
    private static final Duration EVENT_RETENTION = Duration.ofDays(365);

    public static final Topic<String, TipSubmitted> TIP_SUBMITTED =
            new Topic<>("vaksam.tip.submitted.v1", String.class, TipSubmitted.class, 6, EVENT_RETENTION, false);

    public static final Topic<String, PremisesAssessed> PREMISES_ASSESSED =
            new Topic<>("vaksam.premises.assessed.v1", String.class, PremisesAssessed.class, 6, EVENT_RETENTION, false);

    public static final Topic<String, AlertRouted> ALERT_ROUTED =
            new Topic<>("vaksam.alert.routed.v1", String.class, AlertRouted.class, 6, EVENT_RETENTION, false);

    public static final Topic<String, AlertStatusChanged> ALERT_STATUS_CHANGED =
            new Topic<>("vaksam.alert.status-changed.v1", String.class, AlertStatusChanged.class, 6, EVENT_RETENTION,
                    false);

    public static final Topic<String, FollowUpMessage> FOLLOW_UP_MESSAGE =
            new Topic<>("vaksam.followup.message.v1", String.class, FollowUpMessage.class, 6, EVENT_RETENTION, false);

    public static final Topic<String, MemberChanged> MEMBER_CHANGED =
            new Topic<>("vaksam.member.changed.v1", String.class, MemberChanged.class, 3, null, true);

    /** Published bulletins to the members: the latest state per bulletin id, kept like the member topic. */
    public static final Topic<String, BulletinChanged> BULLETIN_CHANGED =
            new Topic<>("vaksam.bulletin.changed.v1", String.class, BulletinChanged.class, 3, null, true);

    /** Records no consumer could handle, with the original topic, partition, offset and error in headers. */
    public static final Topic<String, Object> DEAD_LETTER =
            new Topic<>("vaksam.dlt.v1", String.class, Object.class, 3, Duration.ofDays(30), false);

    public static final List<Topic<?, ?>> ALL = List.of(TIP_SUBMITTED, PREMISES_ASSESSED, ALERT_ROUTED,
            ALERT_STATUS_CHANGED, FOLLOW_UP_MESSAGE, MEMBER_CHANGED, BULLETIN_CHANGED, DEAD_LETTER);

    private Topics() {
    }

    @SuppressWarnings("unchecked")
    public static <V extends SpecificRecord> Topic<String, V> byName(String name) {
        return (Topic<String, V>) ALL.stream()
                .filter(t -> t.name().equals(name) && t != DEAD_LETTER)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event topic " + name));
    }
}
