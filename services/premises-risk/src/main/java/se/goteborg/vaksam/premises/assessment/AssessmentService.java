package se.goteborg.vaksam.premises.assessment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.premises.assessment.TipHistoryRepository.RecentTips;
import se.goteborg.vaksam.premises.register.AddressKey;
import se.goteborg.vaksam.premises.register.LettingsRegisterRepository;
import se.goteborg.vaksam.premises.register.RegisterEntry;

/**
 * Assesses a tip's premises: records the tip against its address, looks the address up in the lettings register and
 * publishes the result, match or not, once per tip.
 */
@Service
class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);
    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");

    private final AssessmentRepository assessments;
    private final TipHistoryRepository history;
    private final LettingsRegisterRepository register;
    private final IndustryClassifier industries;
    private final PremisesProperties properties;
    private final OutboxRelay relay;
    private final Clock clock;

    AssessmentService(AssessmentRepository assessments, TipHistoryRepository history,
                      LettingsRegisterRepository register, IndustryClassifier industries,
                      PremisesProperties properties, OutboxRelay relay, Clock clock) {
        this.assessments = assessments;
        this.history = history;
        this.register = register;
        this.industries = industries;
        this.properties = properties;
        this.relay = relay;
        this.clock = clock;
    }

    Mono<Void> assess(TipSubmitted tip) {
        return assessments.exists(tip.getTipId())
                .flatMap(assessed -> assessed ? Mono.empty() : assessNew(tip));
    }

    private Mono<Void> assessNew(TipSubmitted tip) {
        Optional<String> addressKey = PremisesAddress.of(tip)
                .flatMap(address -> AddressKey.of(address.getStreetAddress(), address.getPostalCode()));
        Mono<RecentTips> recent = addressKey
                .map(key -> history.record(tip.getTipId(), key, tip.getObservedAt(), properties.repeatWindow()))
                .orElseGet(() -> Mono.just(RecentTips.onlyThis()));
        Mono<Optional<RegisterEntry>> premises = addressKey
                .map(key -> register.findByAddressKey(key).collectList().map(this::best))
                .orElseGet(() -> Mono.just(Optional.empty()));
        return Mono.zip(recent, premises)
                .map(found -> assessment(tip, addressKey.orElse(null), found.getT2(), found.getT1()))
                .flatMap(assessed -> assessments.insert(assessed)
                        .doOnNext(stored -> {
                            if (stored) {
                                log.debug("Tip {} assessed: {}", assessed.getTipId(), assessed.getMatch());
                                relay.nudge(assessed.getTipId());
                            }
                        }))
                .then();
    }

    /** Several premises can share an address (floors, units): prefer one let today, then a risk industry. */
    private Optional<RegisterEntry> best(List<RegisterEntry> candidates) {
        LocalDate today = LocalDate.now(clock.withZone(CITY_TIME));
        return candidates.stream().min(Comparator
                .comparing((RegisterEntry entry) -> !entry.leasedOn(today))
                .thenComparing(entry -> !industries.isRiskIndustry(entry.industryCode()))
                .thenComparing(RegisterEntry::premisesId));
    }

    private PremisesAssessed assessment(TipSubmitted tip, String addressKey, Optional<RegisterEntry> premises,
                                        RecentTips recent) {
        var builder = PremisesAssessed.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("premises-assessed:" + tip.getTipId())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setTipId(tip.getTipId())
                .setAssessedAt(clock.instant())
                .setAddressKey(addressKey)
                .setMatch(premises.isPresent() ? MatchLevel.EXACT : MatchLevel.NONE)
                .setTipsLast30Days(recent.count())
                .setLinkedTipIds(recent.otherTipIds());
        premises.ifPresent(entry -> builder
                .setPremisesId(entry.premisesId())
                .setPropertyDesignation(entry.propertyDesignation())
                .setLandlord(entry.landlord())
                .setIndustryCode(entry.industryCode())
                .setCategory(industries.category(entry.industryCode()).orElse(null))
                .setRiskIndustry(industries.isRiskIndustry(entry.industryCode())));
        return builder.build();
    }
}
