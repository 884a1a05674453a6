package se.goteborg.vaksam.premises.notice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import se.goteborg.vaksam.events.premises.MatchLevel;

/** How a notice changes with a tip or an action; pure, so the repository can retry a change on a newer version. */
final class NoticeChanges {

    /**
     * Tips listed per notice. Far beyond what one premises ever gets before the lettings group acts; past it the
     * oldest are dropped from the list while {@code tipCount} goes on counting.
     */
    static final int MAX_TIPS = 1000;
    /** Actions kept per notice; a handful is usual. */
    static final int MAX_ACTIONS = 200;

    static final Comparator<NoticeTip> NEWEST_TIP_FIRST = Comparator.comparing(NoticeTip::observedAt).reversed()
            .thenComparing(NoticeTip::tipId);
    static final Comparator<NoticeAction> NEWEST_ACTION_FIRST = Comparator.comparing(NoticeAction::takenOn)
            .thenComparing(NoticeAction::recordedAt).reversed();

    private NoticeChanges() {
    }

    /** The notice the first tip about the premises opens; its assessment time is the date of knowledge. */
    static Notice first(AssessedTip tip) {
        NoticePremises premises = tip.premises();
        return new Notice(tip.premisesId(), premises.propertyDesignation(), premises.streetAddress(),
                premises.postalCode(), premises.city(), premises.landlord(), premises.category(),
                premises.industryCode(), premises.riskIndustry(), tip.match().name(), tip.assessedAt(), 1,
                tip.tipsLast30Days(), tip.tipsLast90Days(), tip.observedAt(), tip.riskLevel().name(),
                tip.riskReasons(), NoticeStatus.AWAITING_ACTION, null, List.of(entry(tip)), List.of());
    }

    /**
     * The notice with the tip added; empty when it holds the tip already. The newest tip (by when it was observed)
     * brings its assessment's figures and the register's current facts; {@code knownSince} never moves.
     */
    static Optional<Notice> withTip(Notice notice, AssessedTip tip) {
        if (notice.tips().stream().anyMatch(known -> known.tipId().equals(tip.tipId()))) {
            return Optional.empty();
        }
        List<NoticeTip> tips = new ArrayList<>(notice.tips());
        tips.add(entry(tip));
        tips.sort(NEWEST_TIP_FIRST);
        List<NoticeTip> kept = List.copyOf(tips.subList(0, Math.min(tips.size(), MAX_TIPS)));
        String match = surer(notice.match(), tip.match());
        if (tip.observedAt().isBefore(notice.lastTipAt())) {
            return Optional.of(new Notice(notice.premisesId(), notice.propertyDesignation(), notice.streetAddress(),
                    notice.postalCode(), notice.city(), notice.landlord(), notice.category(), notice.industryCode(),
                    notice.riskIndustry(), match, notice.knownSince(), notice.tipCount() + 1,
                    notice.tipsLast30Days(), notice.tipsLast90Days(), notice.lastTipAt(), notice.riskLevel(),
                    notice.riskReasons(), notice.status(), notice.lastAction(), kept, notice.actions()));
        }
        NoticePremises premises = tip.premises();
        return Optional.of(new Notice(notice.premisesId(), premises.propertyDesignation(), premises.streetAddress(),
                premises.postalCode(), premises.city(), premises.landlord(), premises.category(),
                premises.industryCode(), premises.riskIndustry(), match, notice.knownSince(), notice.tipCount() + 1,
                tip.tipsLast30Days(), tip.tipsLast90Days(), tip.observedAt(), tip.riskLevel().name(),
                tip.riskReasons(), notice.status(), notice.lastAction(), kept, notice.actions()));
    }

    static Notice withAction(Notice notice, NoticeAction action) {
        List<NoticeAction> actions = new ArrayList<>(notice.actions());
        actions.add(action);
        actions.sort(NEWEST_ACTION_FIRST);
        List<NoticeAction> kept = List.copyOf(actions.subList(0, Math.min(actions.size(), MAX_ACTIONS)));
        return new Notice(notice.premisesId(), notice.propertyDesignation(), notice.streetAddress(),
                notice.postalCode(), notice.city(), notice.landlord(), notice.category(), notice.industryCode(),
                notice.riskIndustry(), notice.match(), notice.knownSince(), notice.tipCount(),
                notice.tipsLast30Days(), notice.tipsLast90Days(), notice.lastTipAt(), notice.riskLevel(),
                notice.riskReasons(), NoticeStatus.ACTION_RECORDED, kept.get(0), notice.tips(), kept);
    }

    private static NoticeTip entry(AssessedTip tip) {
        return new NoticeTip(tip.tipId(), tip.channel(), tip.observedAt(), tip.assessedAt(), tip.match().name(),
                tip.confidence());
    }

    private static String surer(String current, MatchLevel incoming) {
        return MatchLevel.EXACT.name().equals(current) ? current : incoming.name();
    }
}
