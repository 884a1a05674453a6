package se.goteborg.vaksam.premises.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.premises.MatchLevel;

/**
 * Finds the register premises an address given in a tip refers to, by primary-key reads only, so a lookup never
 * scans the register however large it is.
 */
@Service
public class PremisesMatcher {

    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");

    private final LettingsRegisterRepository register;
    private final Clock clock;

    PremisesMatcher(LettingsRegisterRepository register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    public Mono<PremisesMatch> match(String streetAddress, String postalCode, String city) {
        Optional<String> addressKey = AddressKey.of(streetAddress, postalCode);
        if (addressKey.isEmpty()) {
            return Mono.just(PremisesMatch.none(null));
        }
        String key = addressKey.get();
        return register.findByAddressKey(key).collectList()
                .map(candidates -> best(candidates)
                        .map(entry -> new PremisesMatch(MatchLevel.EXACT, 1, entry, key))
                        .orElseGet(() -> PremisesMatch.none(key)));
    }

    /** Several premises can share an address (floors, units): prefer one let today, then the lowest id. */
    private Optional<RegisterEntry> best(List<RegisterEntry> candidates) {
        LocalDate today = LocalDate.now(clock.withZone(CITY_TIME));
        return candidates.stream().min(Comparator
                .comparing((RegisterEntry entry) -> !entry.leasedOn(today))
                .thenComparing(RegisterEntry::premisesId));
    }
}
