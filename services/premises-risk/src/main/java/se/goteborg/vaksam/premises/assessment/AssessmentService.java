package se.goteborg.vaksam.premises.assessment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import se.goteborg.vaksam.premises.register.PremisesMatch;
import se.goteborg.vaksam.premises.register.PremisesMatcher;
import se.goteborg.vaksam.premises.register.RegisterEntry;

/**
 * Assesses a tip's premises: records the tip against its address, looks the address up in the lettings register and
 * publishes the result, match or not, once per tip.
 */
@Service
class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    private final AssessmentRepository assessments;
    private final TipHistoryRepository history;
    private final PremisesMatcher matcher;
    private final IndustryClassifier industries;
    private final PremisesProperties properties;
    private final OutboxRelay relay;
    private final Clock clock;

    AssessmentService(AssessmentRepository assessments, TipHistoryRepository history,
                      PremisesMatcher matcher, IndustryClassifier industries,
                      PremisesProperties properties, OutboxRelay relay, Clock clock) {
        this.assessments = assessments;
        this.history = history;
        this.matcher = matcher;
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
        Mono<PremisesMatch> premises = PremisesAddress.of(tip)
                .map(address -> matcher.match(address.getStreetAddress(), address.getPostalCode(), address.getCity()))
                .orElseGet(() -> Mono.just(PremisesMatch.none(null)));
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

    private PremisesAssessed assessment(TipSubmitted tip, String addressKey, PremisesMatch match, RecentTips recent) {
        Optional<RegisterEntry> premises = match.found();
        var builder = PremisesAssessed.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("premises-assessed:" + tip.getTipId())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setTipId(tip.getTipId())
                .setAssessedAt(clock.instant())
                .setAddressKey(addressKey)
                .setMatch(match.level())
                .setMatchConfidence(match.level() == MatchLevel.NONE ? null : match.confidence())
                .setTipsLast30Days(recent.count())
                .setLinkedTipIds(recent.otherTipIds());
        premises.ifPresent(entry -> builder
                .setPremisesId(entry.premisesId())
                .setPropertyDesignation(entry.propertyDesignation())
                .setLandlord(entry.landlord())
                .setIndustryCode(entry.industryCode())
                .setCategory(industries.category(entry.industryCode()).orElse(null))
                .setRiskIndustry(industries.isRiskIndustry(entry)));
        return builder.build();
    }
}
