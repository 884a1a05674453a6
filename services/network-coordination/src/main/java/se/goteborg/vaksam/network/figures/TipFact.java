package se.goteborg.vaksam.network.figures;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;

import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.district.Districts;
import se.goteborg.vaksam.platform.events.Indicator;

/**
 * What the figures keep of a tip: codes and the day it was submitted, nothing else. The premises' name, street and
 * room, the trip's addresses and times, the vehicle, the times of day and the sealed details on the same event are
 * never kept; the district is worked out from the postal code (the hotel's, for taxi tips the drop-off's, else the
 * pickup's) and the postal code is dropped.
 *
 * @param memberType the member's type when the tip was counted, or {@value Codes#UNKNOWN} for a member not (yet)
 *                   in the register
 * @param day        the day in Swedish time it was submitted
 */
record TipFact(String tipId, String memberId, String memberType, String channel, String district,
               String exploitationType, String suspectedMinor, boolean immediateDanger, List<String> indicators,
               LocalDate day) {

    static final String TIPS = "tips";
    static final String CHANNEL = "channel";
    static final String MEMBER_TYPE = "memberType";
    static final String DISTRICT = "district";
    static final String EXPLOITATION_TYPE = "exploitationType";
    static final String SUSPECTED_MINOR = "suspectedMinor";
    static final String IMMEDIATE_DANGER = "immediateDanger";
    static final String INDICATOR = "indicator";
    static final String MEMBER = "member";

    static TipFact of(TipSubmitted tip, String memberType) {
        List<String> indicators = tip.getIndicators().stream()
                .map(code -> Indicator.byCode(code).map(Indicator::name).orElse(Codes.OTHER))
                .distinct().sorted().toList();
        return new TipFact(tip.getTipId(), tip.getMemberId(), memberType, tip.getChannel().name(),
                district(tip).name(), tip.getExploitationType().name(), tip.getSuspectedMinor().name(),
                tip.getImmediateDanger(), indicators,
                tip.getSubmittedAt().atZone(FigurePeriod.CITY_TIME).toLocalDate());
    }

    private static District district(TipSubmitted tip) {
        if (tip.getPremises() != null) {
            return of(tip.getPremises().getAddress());
        }
        if (tip.getTrip() != null) {
            District dropoff = of(tip.getTrip().getDropoff());
            return dropoff != District.UNKNOWN ? dropoff : of(tip.getTrip().getPickup());
        }
        return District.UNKNOWN;
    }

    private static District of(TripStop stop) {
        return stop == null ? District.UNKNOWN : of(stop.getAddress());
    }

    /** A taxi stop is one line as the driver typed it ("Första Långgatan 20, 413 27 Göteborg"): no postal code field. */
    private static District of(Address address) {
        return address == null ? District.UNKNOWN
                : Districts.standard().of(address.getPostalCode(), address.getStreetAddress());
    }

    /** The entry of the tip in its day's document. */
    Document entry() {
        return new Document("m", memberId).append("mt", memberType).append("c", channel).append("d", district)
                .append("e", exploitationType).append("s", suspectedMinor).append("x", immediateDanger)
                .append("i", indicators);
    }

    /** Counts the entries of one day's document. */
    static Tally count(Document day) {
        Tally tally = new Tally();
        Document entries = day.get("t", Document.class);
        if (entries == null) {
            return tally;
        }
        for (Object value : entries.values()) {
            Document tip = (Document) value;
            tally.add(TIPS, Tally.ALL);
            tally.add(CHANNEL, tip.getString("c"));
            tally.add(MEMBER_TYPE, tip.getString("mt"));
            tally.add(DISTRICT, tip.getString("d"));
            tally.add(EXPLOITATION_TYPE, tip.getString("e"));
            tally.add(SUSPECTED_MINOR, tip.getString("s"));
            if (Boolean.TRUE.equals(tip.getBoolean("x"))) {
                tally.add(IMMEDIATE_DANGER, Tally.ALL);
            }
            tip.getList("i", String.class, List.of()).forEach(indicator -> tally.add(INDICATOR, indicator));
            tally.add(MEMBER, Codes.key(tip.getString("m")));
        }
        return tally;
    }
}
