package se.goteborg.vaksam.premises.assessment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.premises.assessment.RiskRules.Risk;
import se.goteborg.vaksam.premises.assessment.TipHistoryRepository.RecentTips;
import se.goteborg.vaksam.premises.notice.AssessedTip;
import se.goteborg.vaksam.premises.notice.NoticePremises;
import se.goteborg.vaksam.premises.notice.NoticeService;
import se.goteborg.vaksam.premises.register.AddressKey;
import se.goteborg.vaksam.premises.register.PremisesMatch;
import se.goteborg.vaksam.premises.register.PremisesMatcher;
import se.goteborg.vaksam.premises.register.RegisterEntry;

/**
 * Assesses a tip's premises, once per tip: looks the address up in the lettings register, records the tip in the
 * history of those premises (by premises id when the register knows them, so every spelling of one address counts
 * together, else by the normalised address), judges the risk, stores the assessment with its event, and then adds
 * the tip to the landlord's notice when the premises are city-let.
 * <p>
 * Every tip is assessed within a bounded time: a register lookup that fails or hangs is tried three times at most
 * ({@code vaksam.premises.register-lookup-timeout} each), then the tip is assessed without a match and with the
 * reason {@code REGISTER_UNAVAILABLE}, so routing is never left waiting for it. The store itself is not bypassed:
 * without it nothing can be recorded, and the listener's retries take over.
 */
@Service
class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);
    private static final int LOOKUP_RETRIES = 2;
    private static final Duration LOOKUP_BACKOFF = Duration.ofMillis(100);

    private final AssessmentRepository assessments;
    private final TipHistoryRepository history;
    private final PremisesMatcher matcher;
    private final IndustryClassifier industries;
    private final NoticeService notices;
    private final PremisesProperties properties;
    private final RiskRules rules;
    private final OutboxRelay relay;
    private final Clock clock;

    AssessmentService(AssessmentRepository assessments, TipHistoryRepository history,
                      PremisesMatcher matcher, IndustryClassifier industries, NoticeService notices,
                      PremisesProperties properties, OutboxRelay relay, Clock clock) {
        this.assessments = assessments;
        this.history = history;
        this.matcher = matcher;
        this.industries = industries;
        this.notices = notices;
        this.properties = properties;
        this.rules = new RiskRules(properties.repeatThreshold());
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Assesses the tip unless it was assessed before. Either way the notice is made sure of afterwards: a tip
     * delivered again after a crash between the assessment and the notice heals the notice.
     */
    Mono<Void> assess(TipSubmitted tip) {
        return assessments.find(tip.getTipId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(earlier -> earlier.isPresent() ? note(earlier.get()) : assessNew(tip));
    }

    private Mono<Void> assessNew(TipSubmitted tip) {
        Optional<Address> address = PremisesAddress.of(tip);
        Mono<Lookup> lookup = address.map(found -> lookup(tip.getTipId(), found))
                .orElseGet(() -> Mono.just(new Lookup(PremisesMatch.none(null), false)));
        return lookup.flatMap(found -> {
                    Optional<PremisesKey> key = PremisesKey.of(found.match());
                    Mono<RecentTips> recent = key
                            .map(premises -> history.record(tip.getTipId(), premises, tip.getObservedAt(),
                                    properties.repeatWindow(), properties.repeatWindow90()))
                            .orElseGet(() -> Mono.just(RecentTips.onlyThis()));
                    return recent.map(tips -> assessment(tip, key, found, tips));
                })
                .flatMap(assessment -> assessments.insert(assessment.event(), assessment.notice())
                        .flatMap(stored -> {
                            if (!stored) {
                                // Assessed at the same moment by another delivery: its stored version counts.
                                return assessments.find(tip.getTipId()).flatMap(this::note);
                            }
                            log.debug("Tip {} assessed: {} {}", tip.getTipId(), assessment.event().getMatch(),
                                    assessment.event().getRiskLevel());
                            relay.nudge(tip.getTipId());
                            return note(assessment.notice());
                        }));
    }

    private Mono<Void> note(Optional<AssessedTip> notice) {
        return notice.map(notices::noteTip).orElseGet(Mono::empty);
    }

    private record Lookup(PremisesMatch match, boolean registerUnavailable) {
    }

    private record Assessment(PremisesAssessed event, Optional<AssessedTip> notice) {
    }

    private Mono<Lookup> lookup(String tipId, Address address) {
        return Mono.defer(() -> matcher.match(address.getStreetAddress(), address.getPostalCode(), address.getCity()))
                .timeout(properties.registerLookupTimeout())
                .retryWhen(Retry.backoff(LOOKUP_RETRIES, LOOKUP_BACKOFF))
                .map(match -> new Lookup(match, false))
                .onErrorResume(e -> {
                    Throwable cause = Exceptions.isRetryExhausted(e) && e.getCause() != null ? e.getCause() : e;
                    log.warn("Register lookup for tip {} failed ({}); assessed without a match", tipId,
                            cause.getClass().getSimpleName());
                    String addressKey = AddressKey.of(address.getStreetAddress(), address.getPostalCode()).orElse(null);
                    return Mono.just(new Lookup(PremisesMatch.none(addressKey), true));
                });
    }

    private Assessment assessment(TipSubmitted tip, Optional<PremisesKey> key, Lookup lookup, RecentTips recent) {
        PremisesMatch match = lookup.match();
        Optional<RegisterEntry> premises = match.level() == MatchLevel.NONE ? Optional.empty() : match.found();
        boolean riskIndustry = premises.map(industries::isRiskIndustry).orElse(false);
        Risk risk = rules.assess(match.level(), riskIndustry, recent.shortWindow(), recent.longWindow(),
                lookup.registerUnavailable());
        var builder = PremisesAssessed.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("premises-assessed:" + tip.getTipId())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setTipId(tip.getTipId())
                .setAssessedAt(clock.instant())
                .setAddressKey(match.addressKey())
                .setPremisesKey(key.map(PremisesKey::value).orElse(null))
                .setMatch(match.level())
                .setMatchConfidence(match.level() == MatchLevel.NONE ? null : match.confidence())
                .setTipsLast30Days(recent.shortWindow())
                .setTipsLast90Days(recent.longWindow())
                .setLinkedTipIds(recent.otherTipIds())
                .setRiskLevel(risk.level())
                .setRiskReasons(risk.reasons());
        premises.ifPresent(entry -> builder
                .setPremisesId(entry.premisesId())
                .setPropertyDesignation(entry.propertyDesignation())
                .setLandlord(entry.landlord())
                .setIndustryCode(entry.industryCode())
                .setCategory(industries.category(entry.industryCode()).orElse(null))
                .setRiskIndustry(riskIndustry));
        PremisesAssessed event = builder.build();
        Optional<AssessedTip> notice = premises.map(entry -> new AssessedTip(entry.premisesId(),
                new NoticePremises(entry.propertyDesignation(), entry.streetAddress(), entry.postalCode(),
                        entry.city(), entry.landlord(), event.getCategory(), entry.industryCode(), riskIndustry),
                tip.getTipId(), tip.getChannel().name(), tip.getObservedAt(), event.getAssessedAt(),
                match.level(), match.confidence(), recent.shortWindow(), recent.longWindow(), risk.level(),
                risk.reasons()));
        return new Assessment(event, notice);
    }
}
