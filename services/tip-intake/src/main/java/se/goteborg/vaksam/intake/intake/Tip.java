package se.goteborg.vaksam.intake.intake;

import java.time.Instant;
import java.util.List;

import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;

/**
 * A tip that passed validation, normalised. Everything but {@link #details} is a routing fact and travels in the
 * clear; the details are sealed before the tip is stored or sent.
 */
record Tip(Channel channel, Instant observedAt, List<String> indicators, SuspectedMinor suspectedMinor,
           boolean immediateDanger, ExploitationType exploitationType, Premises premises, Trip trip, Details details) {

    /** Where a hotel tip was observed. */
    record Premises(String name, String streetAddress, String postalCode, String city, String room) {
    }

    /** The taxi trip of a taxi tip. */
    record Trip(Stop pickup, Stop dropoff, Integer passengers, String vehicleRef) {
    }

    record Stop(String address, Instant time) {
    }

    /**
     * The free text and the reporter's contact: sealed as JSON {@code {"description":…,"reporterContact":…}} (absent
     * ones as {@code null}) for alert-inbox.
     */
    record Details(String description, String reporterContact) {

        boolean isEmpty() {
            return description == null && reporterContact == null;
        }

        @Override
        public String toString() {
            return "Details[sealed]";
        }
    }
}
