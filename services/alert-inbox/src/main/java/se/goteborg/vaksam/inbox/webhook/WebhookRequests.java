package se.goteborg.vaksam.inbox.webhook;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/** Request bodies and parameters of the webhook API, and their checks. */
final class WebhookRequests {

    static final int MAX_DESCRIPTION_LENGTH = 200;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private WebhookRequests() {
    }

    /** The URL may carry a receiver's own token in its query, so neither field is ever printed. */
    record Registration(String url, String description) {

        @Override
        public String toString() {
            return "Registration[(url and description)]";
        }
    }

    record DeliveryQuery(DeliveryStatus status, int limit) {
    }

    /**
     * The registration, its description trimmed (empty is none), once the URL's form is right and its host resolves
     * only to addresses a webhook may reach.
     */
    static Mono<Registration> registration(Registration request, EndpointRules rules) {
        FieldProblems problems = new FieldProblems();
        if (problems.requireText("url", request.url())) {
            EndpointRules.formProblem(request.url()).ifPresent(problem -> problems.add("url", problem));
        }
        String description = Optional.ofNullable(request.description()).map(String::strip)
                .filter(text -> !text.isEmpty()).orElse(null);
        if (description != null) {
            problems.check(description.codePointCount(0, description.length()) <= MAX_DESCRIPTION_LENGTH,
                    "description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
            problems.check(description.codePoints().noneMatch(Character::isISOControl), "description",
                    "must not contain control characters");
        }
        return problems.thenReturn(new Registration(request.url(), description))
                .flatMap(valid -> rules.permittedAddresses(URI.create(valid.url()).getHost())
                        .onErrorMap(ForbiddenAddressException.class, e -> InvalidFieldsException.of("url",
                                "must not point to a loopback, private, link-local, multicast or unspecified address"))
                        .onErrorMap(UnknownHostException.class,
                                e -> InvalidFieldsException.of("url", "has a host that cannot be found"))
                        .thenReturn(valid));
    }

    static Mono<DeliveryQuery> deliveryQuery(Optional<String> status, Optional<String> limit) {
        FieldProblems problems = new FieldProblems();
        Optional<String> given = status.filter(s -> !s.isBlank());
        DeliveryStatus state = given.flatMap(s -> Arrays.stream(DeliveryStatus.values())
                .filter(v -> v.name().equals(s)).findFirst()).orElse(null);
        problems.check(given.isEmpty() || state != null, "status",
                "must be one of " + Arrays.toString(DeliveryStatus.values()));
        int max = limit.map(WebhookRequests::parse).orElse(DEFAULT_LIMIT);
        problems.check(max >= 1 && max <= MAX_LIMIT, "limit", "must be a whole number from 1 to " + MAX_LIMIT);
        return problems.thenReturn(new DeliveryQuery(state, max));
    }

    /** The number, or 0 (out of range) when it is not one. */
    private static int parse(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
