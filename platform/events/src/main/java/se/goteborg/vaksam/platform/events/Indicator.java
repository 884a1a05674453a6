package se.goteborg.vaksam.platform.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.goteborg.vaksam.events.common.Channel;

/**
 * The indicator catalogue of DESIGN.md, shared by intake (which codes a tip may carry) and routing (which codes its
 * rules may name). Codes are stable (they travel in TipSubmitted); labels are translated by each service's pages.
 * Each code is listed on one channel's form, and a tip may only carry codes of its own channel. Which codes count as
 * control indicators is routing's business, not the catalogue's.
 */
public enum Indicator {

    PAID_CASH_OR_PREPAID(Group.HOTEL_RECEPTION),
    SHORT_OR_HOURLY_STAY(Group.HOTEL_RECEPTION),
    SEVERAL_ROOMS_ONE_BOOKER(Group.HOTEL_RECEPTION),
    LOCAL_ADDRESS_GUEST(Group.HOTEL_RECEPTION),
    BOOKER_NOT_OCCUPANT(Group.HOTEL_RECEPTION),
    VISITOR_ASKS_ROOM_WITHOUT_NAME(Group.HOTEL_RECEPTION),
    NO_ID_OR_LUGGAGE(Group.HOTEL_RECEPTION),
    ASKS_ISOLATED_ROOM(Group.HOTEL_RECEPTION),
    ASKS_ADULT_SERVICES(Group.HOTEL_RECEPTION),
    SIDE_ENTRANCES(Group.HOTEL_RECEPTION),
    MANY_VISITORS_TO_ROOM(Group.HOTEL_RECEPTION),
    YOUNG_PERSON_WITH_OLDER_ADULT(Group.HOTEL_RECEPTION),
    SOMEONE_SPEAKS_FOR_PERSON(Group.HOTEL_RECEPTION),

    DO_NOT_DISTURB_FOR_DAYS(Group.HOTEL_HOUSEKEEPING),
    REFUSES_CLEANING_WANTS_LINEN(Group.HOTEL_HOUSEKEEPING),
    CONDOMS_LUBRICANT_CASH(Group.HOTEL_HOUSEKEEPING),
    MANY_PHONES_OR_CARD_READERS(Group.HOTEL_HOUSEKEEPING),
    MORE_PEOPLE_THAN_BEDS(Group.HOTEL_HOUSEKEEPING),
    CHILD_ITEMS_NO_CHILD_REGISTERED(Group.HOTEL_HOUSEKEEPING),
    STREAM_OF_MEN(Group.HOTEL_HOUSEKEEPING),
    LOOKOUTS_IN_CORRIDOR(Group.HOTEL_HOUSEKEEPING),

    REPEATED_TRIPS_HOTELS_ADDRESSES(Group.TAXI),
    PAID_OR_BOOKED_BY_OTHER(Group.TAXI),
    DOES_NOT_KNOW_DESTINATION(Group.TAXI),
    NO_OWN_ID_OR_MONEY(Group.TAXI),
    COMPANION_CONTROLS(Group.TAXI),
    FEARFUL_OR_DRUGGED(Group.TAXI),
    VISIBLE_INJURIES_OR_BRANDING(Group.TAXI),
    SEX_TRADE_TERMS(Group.TAXI),
    OFFERS_SEX_FOR_RIDE(Group.TAXI),
    MINOR_WITHOUT_GUARDIAN(Group.TAXI);

    /** The part of a channel's form an indicator is listed under: the checklist of one role. */
    public enum Group {
        HOTEL_RECEPTION(Channel.HOTEL), HOTEL_HOUSEKEEPING(Channel.HOTEL), TAXI(Channel.TAXI);

        private final Channel channel;

        Group(Channel channel) {
            this.channel = channel;
        }

        public Channel channel() {
            return channel;
        }
    }

    private static final Map<String, Indicator> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Indicator::name, Function.identity()));

    private final Group group;

    Indicator(Group group) {
        this.group = group;
    }

    /** The codes listed under a group, in catalogue order. */
    public static List<String> codes(Group group) {
        return Arrays.stream(values()).filter(indicator -> indicator.group == group).map(Indicator::name).toList();
    }

    public static Optional<Indicator> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public Channel channel() {
        return group.channel;
    }
}
