package se.goteborg.vaksam.premises.assessment;

import java.util.Optional;

import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;

/** Which address of a tip is "the premises": the hotel for hotel tips, where the passenger was taken for taxi tips. */
final class PremisesAddress {

    private PremisesAddress() {
    }

    static Optional<Address> of(TipSubmitted tip) {
        return switch (tip.getChannel()) {
            case HOTEL -> Optional.ofNullable(tip.getPremises()).map(HotelPremises::getAddress);
            case TAXI -> Optional.ofNullable(tip.getTrip()).map(TaxiTrip::getDropoff).map(TripStop::getAddress);
        };
    }
}
