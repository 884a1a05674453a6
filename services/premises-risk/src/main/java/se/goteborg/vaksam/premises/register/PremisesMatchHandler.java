package se.goteborg.vaksam.premises.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.premises.register.RegisterEntry.Lease;
import se.goteborg.vaksam.web.problem.FieldProblems;

/**
 * {@code GET /api/v1/lettings/premises/match?streetAddress=&postalCode=&city=}: how an address matches the register,
 * for lettings users checking an address by hand and for systems that want the same answer a tip gets.
 */
@Component
class PremisesMatchHandler {

    static final int MAX_STREET_ADDRESS = 200;
    static final int MAX_OTHER = 100;
    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");

    private final PremisesMatcher matcher;
    private final Clock clock;

    PremisesMatchHandler(PremisesMatcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
    }

    Mono<ServerResponse> match(ServerRequest request) {
        String street = request.queryParam("streetAddress").orElse(null);
        String postalCode = request.queryParam("postalCode").filter(value -> !value.isBlank()).orElse(null);
        String city = request.queryParam("city").filter(value -> !value.isBlank()).orElse(null);
        FieldProblems problems = new FieldProblems();
        if (problems.requireText("streetAddress", street)
                && problems.requireMaxLength("streetAddress", street, MAX_STREET_ADDRESS)) {
            problems.check(SwedishAddress.parse(street, null, null).isPresent(), "streetAddress",
                    "must contain a street name");
        }
        problems.requireMaxLength("postalCode", postalCode, MAX_OTHER);
        problems.requireMaxLength("city", city, MAX_OTHER);
        return problems.thenReturn(request)
                .flatMap(valid -> matcher.match(street, postalCode, city))
                .map(this::view)
                .flatMap(view -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(view));
    }

    private MatchView view(PremisesMatch match) {
        LocalDate today = LocalDate.now(clock.withZone(CITY_TIME));
        return new MatchView(match.level().name(), match.confidence(), match.addressKey(),
                match.found().map(premises -> PremisesView.of(premises, today)).orElse(null));
    }

    /** The answer: level, confidence (1 EXACT, 0 NONE), the normalised address looked up, and the premises found. */
    record MatchView(String match, double confidence, String addressKey, PremisesView premises) {
    }

    /** The premises as the register holds them; {@code letToday} says whether a lease runs today. */
    record PremisesView(String premisesId, String propertyDesignation, String streetAddress, String postalCode,
                        String city, String landlord, String tenantName, String tenantOrgNumber, String industryCode,
                        String leaseStart, String leaseEnd, boolean letToday, List<LeaseView> leaseHistory) {

        static PremisesView of(RegisterEntry premises, LocalDate today) {
            return new PremisesView(premises.premisesId(), premises.propertyDesignation(), premises.streetAddress(),
                    premises.postalCode(), premises.city(), premises.landlord(), premises.tenantName(),
                    premises.tenantOrgNumber(), premises.industryCode(), iso(premises.leaseStart()),
                    iso(premises.leaseEnd()), premises.leasedOn(today),
                    premises.leaseHistory().stream().map(LeaseView::of).toList());
        }
    }

    /** An earlier lease of the premises. */
    record LeaseView(String tenantName, String tenantOrgNumber, String industryCode, String leaseStart,
                     String leaseEnd) {

        static LeaseView of(Lease lease) {
            return new LeaseView(lease.tenantName(), lease.tenantOrgNumber(), lease.industryCode(),
                    iso(lease.leaseStart()), iso(lease.leaseEnd()));
        }
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
