package se.goteborg.vaksam.network.member;

import se.goteborg.vaksam.events.member.MemberType;

/** A checked enrolment: the organisation number is already normalised. */
record NewMember(MemberType type, String name, String orgNumber, String district) {
}
