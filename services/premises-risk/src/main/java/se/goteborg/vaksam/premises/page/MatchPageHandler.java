package se.goteborg.vaksam.premises.page;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.premises.register.PremisesMatch;
import se.goteborg.vaksam.premises.register.PremisesMatcher;
import se.goteborg.vaksam.web.page.PageResponses;

/**
 * The address check: how an address, written as a tipster might, matches the register. A GET form, since it only
 * reads, and the address of premises is no secret.
 */
@Component
class MatchPageHandler {

    private static final String PATH = Pages.PATH + "/match";
    static final int MAX_STREET = 200;
    static final int MAX_POSTAL_CODE = 20;
    static final int MAX_CITY = 100;

    private final PremisesMatcher matcher;

    MatchPageHandler(PremisesMatcher matcher) {
        this.matcher = matcher;
    }

    Mono<ServerResponse> match(ServerRequest request) {
        if (request.queryParam("streetAddress").isEmpty()) {
            return page(request, HttpStatus.OK, Map.of("streetAddress", "", "postalCode", "", "city", ""), Map.of(),
                    null);
        }
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : new String[] {"streetAddress", "postalCode", "city"}) {
            typed.put(field, request.queryParam(field).map(String::strip).orElse(""));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (typed.get("streetAddress").isEmpty() || typed.get("streetAddress").length() > MAX_STREET) {
            errors.put("streetAddress", "error.streetAddress");
        }
        if (typed.get("postalCode").length() > MAX_POSTAL_CODE) {
            errors.put("postalCode", "error.postalCode");
        }
        if (typed.get("city").length() > MAX_CITY) {
            errors.put("city", "error.city");
        }
        if (!errors.isEmpty()) {
            return page(request, HttpStatus.BAD_REQUEST, typed, errors, null);
        }
        return matcher.match(typed.get("streetAddress"), blankToNull(typed.get("postalCode")),
                        blankToNull(typed.get("city")))
                .flatMap(result -> page(request, HttpStatus.OK, typed, errors, result));
    }

    private Mono<ServerResponse> page(ServerRequest request, HttpStatus status, Map<String, String> typed,
                                      Map<String, String> errors, PremisesMatch result) {
        return Pages.model(request, PATH).flatMap(model -> {
            model.put("typed", typed);
            model.put("errors", errors);
            model.put("result", result);
            return PageResponses.render(status, "lettings/match", model);
        });
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
