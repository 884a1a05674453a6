package se.goteborg.vaksam.premises.notice;

/** Whether any action has been recorded on a notice yet. */
public enum NoticeStatus {
    AWAITING_ACTION,
    ACTION_RECORDED
}
