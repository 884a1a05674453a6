package se.goteborg.vaksam.intake.intake;

import java.util.List;

/**
 * The JSON bodies of the public contract, as sent. Enumerations and times are kept as text here so that one
 * response can name every offending field; {@link TipValidator} turns a request into a {@link Tip}.
 * {@code toString} never shows the free text.
 */
final class TipRequests {

    private TipRequests() {
    }

    /** The fields both channels share. */
    sealed interface TipRequest permits HotelTipRequest, TaxiTipRequest {

        String observedAt();

        List<String> indicators();

        String suspectedMinor();

        Boolean immediateDanger();

        String exploitationType();

        String description();

        String reporterContact();
    }

    record HotelTipRequest(String observedAt, List<String> indicators, String suspectedMinor, Boolean immediateDanger,
                           String exploitationType, String description, String reporterContact,
                           PremisesRequest premises) implements TipRequest {

        @Override
        public String toString() {
            return "HotelTipRequest[indicators=" + indicators + "]";
        }
    }

    record PremisesRequest(String name, String streetAddress, String postalCode, String city, String room) {
    }

    record TaxiTipRequest(String observedAt, List<String> indicators, String suspectedMinor, Boolean immediateDanger,
                          String exploitationType, String description, String reporterContact,
                          TripRequest trip) implements TipRequest {

        @Override
        public String toString() {
            return "TaxiTipRequest[indicators=" + indicators + "]";
        }
    }

    record TripRequest(StopRequest pickup, StopRequest dropoff, Integer passengers, String vehicleRef) {
    }

    record StopRequest(String address, String time) {
    }
}
