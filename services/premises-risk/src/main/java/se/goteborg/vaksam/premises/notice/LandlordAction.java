package se.goteborg.vaksam.premises.notice;

/** What the landlord did about a notice. */
public enum LandlordAction {
    TENANT_CONTACTED,
    POLICE_INFORMED,
    LEASE_TERMINATED,
    NO_ACTION
}
