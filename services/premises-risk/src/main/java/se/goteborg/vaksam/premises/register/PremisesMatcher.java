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
import se.goteborg.vaksam.premises.register.AddressComparison.Judgement;

/**
 * Finds the register premises an address given in a tip refers to, by primary-key reads only (one of the address
 * index, one of the register), so a lookup never scans the register however large it is.
 * <p>
 * <b>Levels.</b> EXACT only when the street, the house number with its letter (or range) and the postal code are
 * the same once both are written the canonical way ({@link SwedishAddress}: case, Unicode composition,
 * punctuation, spacing, written-out abbreviations, the postal code's digits; the town is then not needed). NONE for
 * another house number, another letter ("12A" and "12B"), another street, another direction or ordinal ("Östra" and
 * "Södra Hamngatan", "Första" and "Andra Långgatan"), or the same street in another town or postal area. Anything
 * in between is PROBABLE with a confidence below 1.
 * <p>
 * <b>Confidence of a PROBABLE match</b>: the product of one factor per difference, rounded to two decimals; below
 * {@value AddressComparison#PROBABLE_FLOOR} it is NONE.
 * <table>
 * <caption>factors</caption>
 * <tr><th>difference</th><th>factor</th></tr>
 * <tr><td>street the same only without diacritics or word breaks ("Linnegatan", "Haganygata")</td><td>0.9</td></tr>
 * <tr><td>street ending shortened ("Kungsportspl.", "Olof Palmes pl"); postal code must agree</td><td>0.85</td></tr>
 * <tr><td>one typo in a street name of 8+ letters ("Kungsgtaan"); postal code must agree</td><td>0.7</td></tr>
 * <tr><td>house letter on one side only ("12" and "12A")</td><td>0.8</td></tr>
 * <tr><td>house number within the other's range ("12" and "12-14")</td><td>0.8</td></tr>
 * <tr><td>no postal code, same town</td><td>0.85</td></tr>
 * <tr><td>a street name that reads two ways ("Gruvg." is Gruvgatan or Gruvägen): never EXACT</td><td>at most 0.85</td></tr>
 * <tr><td>no postal code, "Göteborg" for premises in a district town of the city (Angered, Torslanda, ...)</td><td>0.8</td></tr>
 * <tr><td>no postal code and no town</td><td>0.7</td></tr>
 * <tr><td>postal code one digit wrong or two digits swapped, a Göteborg code, town not contradicting</td><td>0.7</td></tr>
 * </table>
 * So 0.9 is "surely the same, written differently", 0.7–0.85 "the same unless the reporter mistyped", 0.5–0.7
 * "several small doubts together". Among several premises at one address the best level wins, then the highest
 * confidence, then premises let today (a lease that ended is still matched, but a running one is preferred), then
 * the lowest premises id.
 */
@Service
public class PremisesMatcher {

    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");
    private static final double AMBIGUOUS_READING_CONFIDENCE = 0.85;

    private final LettingsRegisterRepository register;
    private final Clock clock;

    PremisesMatcher(LettingsRegisterRepository register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    public Mono<PremisesMatch> match(String streetAddress, String postalCode, String city) {
        List<SwedishAddress> readings = SwedishAddress.readings(streetAddress, postalCode, city);
        if (readings.isEmpty()) {
            return Mono.just(PremisesMatch.none(null));
        }
        String key = readings.get(0).key();
        List<String> indexKeys = readings.stream().flatMap(reading -> reading.indexKeys().stream()).distinct().toList();
        return register.findByIndexKeys(indexKeys).collectList()
                .map(candidates -> best(readings, key, candidates));
    }

    private PremisesMatch best(List<SwedishAddress> readings, String key, List<RegisterEntry> candidates) {
        LocalDate today = LocalDate.now(clock.withZone(CITY_TIME));
        PremisesMatch best = PremisesMatch.none(key);
        Comparator<PremisesMatch> better = Comparator
                .comparing((PremisesMatch match) -> rank(match.level()))
                .thenComparingDouble(PremisesMatch::confidence)
                .thenComparing(match -> match.premises().leasedOn(today))
                .thenComparing(match -> match.premises().premisesId(), Comparator.reverseOrder());
        for (RegisterEntry candidate : candidates) {
            Optional<SwedishAddress> address = SwedishAddress.parse(candidate.streetAddress(), candidate.postalCode(),
                    candidate.city());
            if (address.isEmpty()) {
                continue;
            }
            Judgement judgement = judge(readings, address.get());
            if (judgement.level() == MatchLevel.NONE) {
                continue;
            }
            PremisesMatch match = new PremisesMatch(judgement.level(), judgement.confidence(), candidate, key);
            if (best.premises() == null || better.compare(match, best) > 0) {
                best = match;
            }
        }
        return best;
    }

    /**
     * How well the tip's readings of an address agree with a register address: the best of them, and when the
     * address reads two ways, never more than probable.
     */
    static Judgement judge(List<SwedishAddress> readings, SwedishAddress premises) {
        Judgement best = Judgement.NONE;
        for (SwedishAddress reading : readings) {
            Judgement judgement = AddressComparison.judge(reading, premises);
            if (judgement.level() != MatchLevel.NONE && readings.size() > 1) {
                judgement = new Judgement(MatchLevel.PROBABLE,
                        Math.min(judgement.confidence(), AMBIGUOUS_READING_CONFIDENCE));
            }
            if (rank(judgement.level()) > rank(best.level())
                    || (judgement.level() == best.level() && judgement.confidence() > best.confidence())) {
                best = judgement;
            }
        }
        return best;
    }

    private static int rank(MatchLevel level) {
        return switch (level) {
            case EXACT -> 2;
            case PROBABLE -> 1;
            case NONE -> 0;
        };
    }
}
