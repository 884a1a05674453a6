package se.goteborg.vaksam.network.meeting;

/** A network meeting (about four a year) or a training session for members' staff. */
public enum MeetingKind {
    MEETING, TRAINING
}
