package se.goteborg.vaksam.network.figures;

import java.time.LocalDate;
import java.util.List;

import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.meeting.MeetingKind;

/** The figures about the members themselves: who has stopped reporting, and meetings next to reporting. */
final class MemberFigures {

    private MemberFigures() {
    }

    /**
     * The active members that have not reported a tip in the {@code days} before {@code asOf}: INACTIVE, or NEW when
     * they joined within those days and so have not had the time to.
     */
    record NotReporting(LocalDate asOf, int days, List<MemberNotReporting> members) {
    }

    /** @param lastReportedOn the day of its last tip; null when it never reported one */
    record MemberNotReporting(String memberId, String name, MemberType type, String district, LocalDate joinedOn,
                              LocalDate lastReportedOn, State state) {
    }

    enum State {
        INACTIVE, NEW
    }

    /**
     * The meetings held in a period and, for each member, how many of them it attended and how many tips it reported
     * in the period; and the members that attended any against those that attended none, with how many of each
     * reported.
     */
    record Participation(LocalDate from, LocalDate to, List<MeetingHeld> meetings, List<MemberParticipation> members,
                         Group attended, Group notAttended) {
    }

    record MeetingHeld(String meetingId, MeetingKind kind, String title, LocalDate heldOn, Count attendees) {
    }

    record MemberParticipation(String memberId, String name, MemberType type, String district, int meetingsAttended,
                               boolean reported, Count tips) {
    }

    /**
     * @param reportedPercent the share of the group's members that reported, in whole per cent; null when either count
     *                        is suppressed, since the share would give it away
     */
    record Group(Count members, Count reported, Integer reportedPercent) {
    }
}
