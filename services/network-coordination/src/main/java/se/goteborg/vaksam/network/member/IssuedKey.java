package se.goteborg.vaksam.network.member;

/** A member with a freshly issued intake key, the only moment the key exists outside the member's hands. */
record IssuedKey(Member member, String intakeKey) {

    @Override
    public String toString() {
        return "IssuedKey[member=" + member.memberId() + ", intakeKey=(hidden)]";
    }
}
