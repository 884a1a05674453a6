package se.goteborg.vaksam.premises.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of the city's register of commercial lettings. The tenant fields are empty for vacant premises; the
 * lease has no end while it runs. {@code leaseHistory} holds the earlier leases of the premises, oldest first, as
 * re-imports replaced them; a file never carries it.
 */
public record RegisterEntry(String premisesId, String propertyDesignation, String streetAddress, String postalCode,
                            String city, String landlord, String tenantOrgNumber, String tenantName,
                            String industryCode, LocalDate leaseStart, LocalDate leaseEnd, List<Lease> leaseHistory) {

    public RegisterEntry {
        leaseHistory = leaseHistory == null ? List.of() : List.copyOf(leaseHistory);
    }

    /** A row as a register file gives it, without history. */
    public RegisterEntry(String premisesId, String propertyDesignation, String streetAddress, String postalCode,
                         String city, String landlord, String tenantOrgNumber, String tenantName,
                         String industryCode, LocalDate leaseStart, LocalDate leaseEnd) {
        this(premisesId, propertyDesignation, streetAddress, postalCode, city, landlord, tenantOrgNumber, tenantName,
                industryCode, leaseStart, leaseEnd, List.of());
    }

    public String addressKey() {
        return AddressKey.of(streetAddress, postalCode).orElseThrow();
    }

    /** Whether a lease runs on the given day. */
    public boolean leasedOn(LocalDate day) {
        return leaseStart != null && !leaseStart.isAfter(day) && (leaseEnd == null || !leaseEnd.isBefore(day));
    }

    /** The row's current lease; empty (all null) for vacant premises. */
    public Lease lease() {
        return new Lease(tenantOrgNumber, tenantName, industryCode, leaseStart, leaseEnd);
    }

    /** A lease of the premises: who the tenant was, in which industry, and from when to when. */
    public record Lease(String tenantOrgNumber, String tenantName, String industryCode, LocalDate leaseStart,
                        LocalDate leaseEnd) {

        boolean isVacancy() {
            return tenantName == null && tenantOrgNumber == null && leaseStart == null;
        }

        /** The same tenancy, perhaps with an end date added since: same tenant, same start. */
        boolean sameTenancy(Lease other) {
            return Objects.equals(tenantOrgNumber, other.tenantOrgNumber) && Objects.equals(tenantName, other.tenantName)
                    && Objects.equals(leaseStart, other.leaseStart);
        }
    }
}
