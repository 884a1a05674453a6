package se.goteborg.vaksam.premises.notice;

/**
 * The register's facts about city-let premises as a notice shows them: where, whose, and what the tenant's industry
 * is. The tenant's name and organisation number are left out; the lettings group has them in its own register.
 */
public record NoticePremises(String propertyDesignation, String streetAddress, String postalCode, String city,
                             String landlord, String category, String industryCode, boolean riskIndustry) {
}
