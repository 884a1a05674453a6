package se.goteborg.vaksam.inbox.alert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The inbox list's filter form as typed (a GET form, so a filtered list can be bookmarked and reloaded): one status,
 * one priority, an age bracket, and whether only overdue or escalated alerts are listed. It becomes the API's list
 * query, checked by {@link AlertRequests#listQuery}; any other query parameter (the language switch's among them) is
 * not a filter and is left alone.
 */
record AlertListFilter(String status, String priority, String age, boolean overdue, boolean escalated) {

    /** The age brackets the form offers, as the API's {@code minAge}/{@code maxAge}. */
    enum Age {
        HOUR(null, "PT1H"), DAY(null, "P1D"), WEEK(null, "P7D"), OLDER("P7D", null);

        final String minAge;
        final String maxAge;

        Age(String minAge, String maxAge) {
            this.minAge = minAge;
            this.maxAge = maxAge;
        }

        /** The value in the form. */
        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static AlertListFilter of(MultiValueMap<String, String> parameters) {
        return new AlertListFilter(text(parameters.getFirst("status")), text(parameters.getFirst("priority")),
                text(parameters.getFirst("age")), "true".equals(parameters.getFirst("overdue")),
                "true".equals(parameters.getFirst("escalated")));
    }

    /** The query the filters ask for; any field at fault is refused as the API refuses it. */
    Mono<AlertQuery> query() {
        MultiValueMap<String, String> api = new LinkedMultiValueMap<>();
        put(api, "status", status);
        put(api, "priority", priority);
        if (overdue) {
            api.add("overdue", "true");
        }
        if (escalated) {
            api.add("escalated", "true");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!age.isEmpty()) {
            Age bracket = Arrays.stream(Age.values()).filter(a -> a.value().equals(age)).findFirst()
                    .orElse(null);
            if (bracket == null) {
                problems.add(new FieldProblem("age", "must be one of hour, day, week, older"));
            } else {
                put(api, "minAge", bracket.minAge);
                put(api, "maxAge", bracket.maxAge);
            }
        }
        return AlertRequests.listQuery(api)
                .onErrorMap(InvalidFieldsException.class, e -> {
                    List<FieldProblem> all = new ArrayList<>(e.problems());
                    all.addAll(problems);
                    return new InvalidFieldsException(all);
                })
                .flatMap(query -> problems.isEmpty() ? Mono.just(query)
                        : Mono.error(new InvalidFieldsException(problems)));
    }

    /**
     * The form field at fault for each problem, with the message key the page shows for it; the API's age limits are
     * the form's age bracket.
     */
    static Map<String, String> errors(InvalidFieldsException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            String field = switch (problem.field()) {
                case "status", "priority", "overdue", "escalated" -> problem.field();
                case "minAge", "maxAge", "age" -> "age";
                default -> "filter";
            };
            errors.putIfAbsent(field, "error.filter." + field);
        }
        return errors;
    }

    /** Whether any filter is set, for the "clear the filters" link and the empty list's text. */
    public boolean any() {
        return !status.isEmpty() || !priority.isEmpty() || !age.isEmpty() || overdue || escalated;
    }

    private static void put(MultiValueMap<String, String> api, String name, String value) {
        if (value != null && !value.isEmpty()) {
            api.add(name, value);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
