package se.goteborg.vaksam.premises.register;

import java.time.LocalDate;

/**
 * One row of the city's register of commercial lettings. The tenant fields are empty for vacant premises; the
 * lease has no end while it runs.
 */
public record RegisterEntry(String premisesId, String propertyDesignation, String streetAddress, String postalCode,
                            String city, String landlord, String tenantOrgNumber, String tenantName,
                            String industryCode, LocalDate leaseStart, LocalDate leaseEnd) {

    public String addressKey() {
        return AddressKey.of(streetAddress, postalCode).orElseThrow();
    }

    /** Whether a lease runs on the given day. */
    public boolean leasedOn(LocalDate day) {
        return leaseStart != null && !leaseStart.isAfter(day) && (leaseEnd == null || !leaseEnd.isBefore(day));
    }
}
