package se.goteborg.vaksam.premises.notice;

/**
 * An action to record, as the API's JSON body or the page's form gives it: text, checked by
 * {@link NoticeService#recordAction}, so both name the same fields when something is wrong.
 *
 * @param action    one of {@link LandlordAction}
 * @param takenOn   the day the action was taken, {@code YYYY-MM-DD}
 * @param reference a case number, optional
 */
public record ActionRequest(String action, String takenOn, String reference) {
}
