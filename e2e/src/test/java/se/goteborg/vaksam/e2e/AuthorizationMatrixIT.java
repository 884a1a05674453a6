package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the public API through the gateway, called by every kind of caller: nobody, a forged token, the
 * two demo members' intake keys and each demo client of identity. Each cell has the one answer it must get: through
 * to the handler ({@code OK}, or {@code INVALID} for a deliberately bad body, so nothing is stored), or refused as not
 * logged in (401), not allowed (403), or hidden (404: another organisation's alert looks like no alert). A cell that
 * answers otherwise fails the test, and an allow where a refusal is expected is named as such. The pages people use
 * get the same treatment for every demo person logged in through the gateway, and for nobody.
 */
class AuthorizationMatrixIT extends RunningSystemTest {

    enum Caller {
        NOBODY, FORGED_TOKEN, HOTEL_MEMBER, TAXI_MEMBER, POLICE, MIKAMOTTAGNINGEN, SOCIAL_SERVICES_CHILDREN,
        REGION_COORDINATORS, LETTINGS_GROUP, COORDINATOR, AUDITOR
    }

    enum Expect {
        OK, INVALID, HIDDEN, UNAUTHORIZED, FORBIDDEN,
        /** Not logged in: sent to log in. */
        LOGIN,
        /** Not logged in, and a form post: refused one way or another, never done. */
        REFUSED;

        boolean admits() {
            return this == OK || this == INVALID;
        }

        boolean matches(int status) {
            return switch (this) {
                case OK -> status >= 200 && status < 300;
                case INVALID -> status == 400;
                case HIDDEN -> status == 404;
                case UNAUTHORIZED -> status == 401;
                case FORBIDDEN -> status == 403;
                case LOGIN -> status == 302 || status == 303;
                case REFUSED -> status >= 300 && status < 400 || status == 401 || status == 403;
            };
        }
    }

    /** People who log in through the browser at the gateway (password {@code demo}), and nobody. */
    enum Person {
        NOBODY(null), POLICE("police-officer"), MIKAMOTTAGNINGEN("mika-worker"),
        SOCIAL_SERVICES_CHILDREN("social-children-worker"), REGION_COORDINATORS("region-coordinator"),
        LETTINGS_GROUP("lettings-officer"), COORDINATOR("coordinator"), AUDITOR("auditor");

        final String username;

        Person(String username) {
            this.username = username;
        }
    }

    record Page(String method, String path, Map<Person, Expect> expected) {
    }

    static final List<Caller> RECIPIENTS = List.of(Caller.POLICE, Caller.MIKAMOTTAGNINGEN,
            Caller.SOCIAL_SERVICES_CHILDREN, Caller.REGION_COORDINATORS, Caller.LETTINGS_GROUP);
    static final List<Caller> IDENTITY_CLIENTS = List.of(Caller.POLICE, Caller.MIKAMOTTAGNINGEN,
            Caller.SOCIAL_SERVICES_CHILDREN, Caller.REGION_COORDINATORS, Caller.LETTINGS_GROUP, Caller.COORDINATOR,
            Caller.AUDITOR);

    record Endpoint(String method, String path, String contentType, String body, Map<Caller, Expect> expected) {
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRoleAllowsAndNeverMore() {
        String tipId = accepted(vaksam.submitTip("hotel", "demo-hotel-key", hotelTip("NO", "LABOUR",
                List.of("MORE_PEOPLE_THAN_BEDS"), hotel("Tuvevägen 3", "417 05"))));
        String policeAlert = awaitAlert("police-demo", tipId).get("alertId").asString();
        Vaksam.Response submitted = vaksam.submitTip("hotel", "demo-hotel-key", hotelTip("NO", "UNKNOWN",
                List.of("SHORT_OR_HOURLY_STAY"), hotel("Tuvevägen 5", "417 05")));
        accepted(submitted);
        String receipt = submitted.body().get("receiptCode").asString();

        List<Endpoint> endpoints = endpoints(policeAlert, receipt);
        Map<Caller, String> authorization = authorizations();
        List<String> wrong = new ArrayList<>();
        List<String> unexpectedAllows = new ArrayList<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            for (Caller caller : Caller.values()) {
                Expect expect = endpoint.expected().get(caller);
                String cell = endpoint.method() + " " + endpoint.path() + " as " + caller + ": expected " + expect;
                Vaksam.Response response;
                try {
                    response = vaksam.request(endpoint.method(), endpoint.path(), authorization.get(caller),
                            endpoint.contentType(), endpoint.body());
                } catch (RuntimeException e) {
                    throw new AssertionError(cell + ", got no answer", e);
                }
                cells++;
                cell += ", got " + response.status();
                if (!expect.matches(response.status())) {
                    wrong.add(cell);
                    if (!expect.admits() && response.status() < 400) {
                        unexpectedAllows.add(cell);
                    }
                } else if (!expect.admits() && expect != Expect.HIDDEN) {
                    assertThat(response.contentType()).as(cell).startsWith("application/problem+json");
                }
            }
        }
        assertThat(unexpectedAllows).as("allowed where a refusal was expected").isEmpty();
        assertThat(wrong).as("cells answered otherwise than expected").isEmpty();
        assertThat(cells).isEqualTo(endpoints.size() * Caller.values().length);
        System.out.printf("Authorization matrix: %d endpoints x %d callers = %d cells%n", endpoints.size(),
                Caller.values().length, cells);
    }

    /**
     * The pages people use, for every demo person logged in through the gateway and for nobody: who sees which
     * organisation's pages, another organisation's alert hidden, and no form post taken without its CSRF token.
     */
    @Test
    void everyPageAnswersEveryPersonAsTheirRoleAllowsAndNoFormIsTakenWithoutItsToken() {
        String tipId = accepted(vaksam.submitTip("hotel", "demo-hotel-key", hotelTip("NO", "LABOUR",
                List.of("MORE_PEOPLE_THAN_BEDS"), hotel("Tuvevägen 7", "417 05"))));
        String alert = "/inbox/alerts/" + awaitAlert("police-demo", tipId).get("alertId").asString();
        List<Page> pages = List.of(
                new Page("GET", "/inbox", people(person -> isRecipient(person) ? Expect.OK : Expect.FORBIDDEN)),
                new Page("GET", alert, people(person -> person == Person.POLICE ? Expect.OK
                        : isRecipient(person) ? Expect.HIDDEN : Expect.FORBIDDEN)),
                new Page("GET", alert + "?open=true&reason=matrix", people(person -> person == Person.POLICE ? Expect.OK
                        : isRecipient(person) ? Expect.HIDDEN : Expect.FORBIDDEN)),
                new Page("POST", alert + "/acknowledge", posted()),
                new Page("POST", alert + "/notes", posted()),
                new Page("GET", "/inbox/audit", people(onlyFor(Person.AUDITOR))),
                new Page("GET", "/inbox/audit/openings.csv", people(onlyFor(Person.AUDITOR))),
                new Page("GET", "/lettings", people(onlyFor(Person.LETTINGS_GROUP))),
                new Page("GET", "/lettings/register", people(onlyFor(Person.LETTINGS_GROUP))),
                new Page("GET", "/lettings/match", people(onlyFor(Person.LETTINGS_GROUP))),
                new Page("GET", "/lettings/notices/NO-SUCH-PREMISES", people(person ->
                        person == Person.LETTINGS_GROUP ? Expect.HIDDEN : Expect.FORBIDDEN)),
                new Page("POST", "/lettings/notices/NO-SUCH-PREMISES/actions", posted()),
                new Page("GET", "/network/members", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/members/new", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/members/demo-hotel", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/members/demo-hotel/edit", people(onlyFor(Person.COORDINATOR))),
                // Confirmation pages: they change nothing until their form is sent.
                new Page("GET", "/network/members/demo-hotel/revoke", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/members/demo-hotel/key", people(onlyFor(Person.COORDINATOR))),
                new Page("POST", "/network/members", posted()),
                new Page("POST", "/network/members/demo-hotel/suspend", posted()),
                new Page("POST", "/network/members/demo-hotel/revoke", posted()),
                new Page("POST", "/network/members/demo-hotel/key", posted()),
                new Page("POST", "/network/members/demo-hotel/enrolment-code", posted()),
                new Page("GET", "/network", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/figures/tips.csv", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/reports", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/reports/2026-Q3", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/bulletins", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/bulletins/new", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/bulletins/NO-SUCH-BULLETIN", people(person ->
                        person == Person.COORDINATOR ? Expect.HIDDEN : Expect.FORBIDDEN)),
                new Page("POST", "/network/bulletins", posted()),
                new Page("POST", "/network/bulletins/NO-SUCH-BULLETIN/withdraw", posted()),
                new Page("GET", "/network/meetings", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/meetings/new", people(onlyFor(Person.COORDINATOR))),
                new Page("GET", "/network/meetings/NO-SUCH-MEETING", people(person ->
                        person == Person.COORDINATOR ? Expect.HIDDEN : Expect.FORBIDDEN)),
                new Page("POST", "/network/meetings", posted()),
                new Page("POST", "/network/meetings/NO-SUCH-MEETING/delete", posted()),
                new Page("GET", "/account/two-factor", people(person -> Expect.OK)));

        Map<Person, StaffSession> sessions = new EnumMap<>(Person.class);
        for (Person person : Person.values()) {
            sessions.put(person, person == Person.NOBODY ? StaffSession.anonymous(stack.gatewayUrl())
                    : StaffSession.logIn(stack.gatewayUrl(), person.username, "/inbox"));
        }
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Page page : pages) {
            for (Person person : Person.values()) {
                Expect expect = page.expected().get(person);
                int status = sessions.get(person).status(page.method(), page.path());
                cells++;
                if (!expect.matches(status)) {
                    wrong.add(page.method() + " " + page.path() + " as " + person + ": expected " + expect + ", got "
                            + status + (!expect.admits() && status < 300 ? " (AN UNEXPECTED ALLOW)" : ""));
                }
            }
        }
        assertThat(wrong).as("cells answered otherwise than expected").isEmpty();
        System.out.printf("Page authorization matrix: %d pages x %d people = %d cells%n", pages.size(),
                Person.values().length, cells);
    }

    private static boolean isRecipient(Person person) {
        return person != Person.NOBODY && person != Person.COORDINATOR && person != Person.AUDITOR;
    }

    private static Function<Person, Expect> onlyFor(Person allowed) {
        return person -> person == allowed ? Expect.OK : Expect.FORBIDDEN;
    }

    /** A form post without its CSRF token: refused to everyone, whoever may use the form. */
    private static Map<Person, Expect> posted() {
        Map<Person, Expect> expected = people(person -> Expect.FORBIDDEN);
        expected.put(Person.NOBODY, Expect.REFUSED);
        return expected;
    }

    /** Logged-in people as {@code expect} says; nobody is sent to log in. */
    private static Map<Person, Expect> people(Function<Person, Expect> expect) {
        Map<Person, Expect> expected = new EnumMap<>(Person.class);
        for (Person person : Person.values()) {
            expected.put(person, person == Person.NOBODY ? Expect.LOGIN : expect.apply(person));
        }
        return expected;
    }

    private static List<Endpoint> endpoints(String policeAlert, String receipt) {
        List<Endpoint> endpoints = new ArrayList<>();
        // Intake: member keys only; the body is refused after the key was accepted, so no tip is stored.
        for (String channel : List.of("hotel", "taxi")) {
            endpoints.add(new Endpoint("POST", "/api/v1/tips/" + channel, "application/json", "{}",
                    memberKeys(Expect.INVALID)));
        }
        // The receipt code is the credential: whoever holds it, whatever else they send.
        endpoints.add(new Endpoint("GET", "/api/v1/receipts/" + receipt, null, null, everyone(Expect.OK)));
        endpoints.add(new Endpoint("POST", "/api/v1/receipts/" + receipt + "/answers", "application/json", "{}",
                everyone(Expect.INVALID)));
        endpoints.add(new Endpoint("GET", "/api/v1/openapi.yaml", null, null, everyone(Expect.OK)));

        // The lettings group's register, address check and notices.
        String lettings = "/api/v1/lettings";
        endpoints.add(new Endpoint("POST", lettings + "/register", "text/csv", "not,a,register\n",
                only(Caller.LETTINGS_GROUP, Expect.INVALID)));
        endpoints.add(new Endpoint("GET", lettings + "/premises/match?streetAddress=Kungsgatan%2012&postalCode=41119",
                null, null, only(Caller.LETTINGS_GROUP, Expect.OK)));
        endpoints.add(new Endpoint("GET", lettings + "/notices", null, null, only(Caller.LETTINGS_GROUP, Expect.OK)));
        endpoints.add(new Endpoint("GET", lettings + "/notices/NO-SUCH-PREMISES", null, null,
                only(Caller.LETTINGS_GROUP, Expect.HIDDEN)));
        endpoints.add(new Endpoint("POST", lettings + "/notices/NO-SUCH-PREMISES/actions", "application/json", "{}",
                only(Caller.LETTINGS_GROUP, Expect.HIDDEN)));

        // The inboxes: every recipient its own; the police's alert is hidden from the others.
        endpoints.add(new Endpoint("GET", "/api/v1/alerts", null, null, recipients(recipient -> Expect.OK)));
        String alert = "/api/v1/alerts/" + policeAlert;
        Function<Caller, Expect> policeOnly = recipient -> recipient == Caller.POLICE ? Expect.OK : Expect.HIDDEN;
        Function<Caller, Expect> policeInvalid = recipient -> recipient == Caller.POLICE ? Expect.INVALID
                : Expect.HIDDEN;
        endpoints.add(new Endpoint("GET", alert, null, null, recipients(policeOnly)));
        endpoints.add(new Endpoint("POST", alert + "/outcome", "application/json", "{}", recipients(policeInvalid)));
        endpoints.add(new Endpoint("POST", alert + "/priority", "application/json", "{}", recipients(policeInvalid)));
        endpoints.add(new Endpoint("POST", alert + "/notes", "application/json", "{}", recipients(policeInvalid)));
        endpoints.add(new Endpoint("POST", alert + "/questions", "application/json", "{}",
                recipients(recipient -> recipient == Caller.LETTINGS_GROUP ? Expect.FORBIDDEN
                        : policeInvalid.apply(recipient))));
        // Last among the alert's endpoints: it changes the alert.
        endpoints.add(new Endpoint("POST", alert + "/acknowledge", null, null, recipients(policeOnly)));

        // Recipient systems' webhooks: each organisation its own; an unknown id is hidden like another's.
        String webhook = "/api/v1/webhooks/00000000-0000-0000-0000-000000000000";
        Function<Caller, Expect> hidden = recipient -> Expect.HIDDEN;
        endpoints.add(new Endpoint("GET", "/api/v1/webhooks", null, null, recipients(recipient -> Expect.OK)));
        endpoints.add(new Endpoint("POST", "/api/v1/webhooks", "application/json", "{}",
                recipients(recipient -> Expect.INVALID)));
        endpoints.add(new Endpoint("GET", webhook, null, null, recipients(hidden)));
        endpoints.add(new Endpoint("GET", webhook + "/deliveries", null, null, recipients(hidden)));
        endpoints.add(new Endpoint("POST", webhook + "/ping", null, null, recipients(hidden)));
        endpoints.add(new Endpoint("POST", webhook + "/deliveries/00000000-0000-0000-0000-000000000000/retry", null,
                null, recipients(hidden)));
        endpoints.add(new Endpoint("DELETE", webhook, null, null, recipients(hidden)));

        // The openings log, for auditors.
        endpoints.add(new Endpoint("GET", "/api/v1/audit/openings?limit=5", null, null, only(Caller.AUDITOR, Expect.OK)));
        endpoints.add(new Endpoint("GET", "/api/v1/audit/openings.csv?limit=5", null, null,
                only(Caller.AUDITOR, Expect.OK)));

        // Göteborg & Co's network desk.
        endpoints.add(new Endpoint("GET", "/api/v1/members", null, null, only(Caller.COORDINATOR, Expect.OK)));
        endpoints.add(new Endpoint("POST", "/api/v1/members", "application/json", "{}",
                only(Caller.COORDINATOR, Expect.INVALID)));
        endpoints.add(new Endpoint("GET", "/api/v1/members/demo-hotel", null, null,
                only(Caller.COORDINATOR, Expect.OK)));
        endpoints.add(new Endpoint("PUT", "/api/v1/members/demo-hotel", "application/json", "{}",
                only(Caller.COORDINATOR, Expect.INVALID)));
        for (String figure : List.of("tips", "alerts", "members/not-reporting", "participation")) {
            endpoints.add(new Endpoint("GET", "/api/v1/network/figures/" + figure, null, null,
                    only(Caller.COORDINATOR, Expect.OK)));
            endpoints.add(new Endpoint("GET", "/api/v1/network/figures/" + figure + ".csv", null, null,
                    only(Caller.COORDINATOR, Expect.OK)));
        }
        endpoints.add(new Endpoint("GET", "/api/v1/network/figures/tips?by=fortnight", null, null,
                only(Caller.COORDINATOR, Expect.INVALID)));
        String bulletins = "/api/v1/network/bulletins";
        String noBulletin = bulletins + "/NO-SUCH-BULLETIN";
        endpoints.add(new Endpoint("GET", bulletins, null, null, only(Caller.COORDINATOR, Expect.OK)));
        endpoints.add(new Endpoint("POST", bulletins, "application/json", "{}",
                only(Caller.COORDINATOR, Expect.INVALID)));
        endpoints.add(new Endpoint("GET", noBulletin, null, null, only(Caller.COORDINATOR, Expect.HIDDEN)));
        endpoints.add(new Endpoint("PUT", noBulletin, "application/json", "{}",
                only(Caller.COORDINATOR, Expect.INVALID)));
        endpoints.add(new Endpoint("POST", noBulletin + "/cancel", null, null, only(Caller.COORDINATOR, Expect.HIDDEN)));
        endpoints.add(new Endpoint("POST", noBulletin + "/withdraw", null, null,
                only(Caller.COORDINATOR, Expect.HIDDEN)));
        endpoints.add(new Endpoint("POST", noBulletin + "/deliveries/retry", null, null,
                only(Caller.COORDINATOR, Expect.HIDDEN)));
        String meetings = "/api/v1/network/meetings";
        endpoints.add(new Endpoint("GET", meetings, null, null, only(Caller.COORDINATOR, Expect.OK)));
        endpoints.add(new Endpoint("POST", meetings, "application/json", "{}",
                only(Caller.COORDINATOR, Expect.INVALID)));
        endpoints.add(new Endpoint("GET", meetings + "/NO-SUCH-MEETING", null, null,
                only(Caller.COORDINATOR, Expect.HIDDEN)));
        endpoints.add(new Endpoint("PUT", meetings + "/NO-SUCH-MEETING", "application/json", "{}",
                only(Caller.COORDINATOR, Expect.INVALID)));
        endpoints.add(new Endpoint("DELETE", meetings + "/NO-SUCH-MEETING", null, null,
                only(Caller.COORDINATOR, Expect.HIDDEN)));

        // Routing has no API of its own: refused to everyone.
        endpoints.add(new Endpoint("GET", "/api/v1/routing/rules", null, null, only(null, null)));
        return endpoints;
    }

    /** Member keys reach the handler; anyone else is not logged in as a member. */
    private static Map<Caller, Expect> memberKeys(Expect members) {
        Map<Caller, Expect> expected = everyone(Expect.UNAUTHORIZED);
        expected.put(Caller.HOTEL_MEMBER, members);
        expected.put(Caller.TAXI_MEMBER, members);
        return expected;
    }

    /** A token from identity is needed; only {@code allowed} gets {@code expect}, the other clients 403. */
    private static Map<Caller, Expect> only(Caller allowed, Expect expect) {
        Map<Caller, Expect> expected = withToken(caller -> Expect.FORBIDDEN);
        if (allowed != null) {
            expected.put(allowed, expect);
        }
        return expected;
    }

    /** The recipients' own inbox; clients acting for no recipient organisation are not allowed. */
    private static Map<Caller, Expect> recipients(Function<Caller, Expect> recipient) {
        return withToken(caller -> RECIPIENTS.contains(caller) ? recipient.apply(caller) : Expect.FORBIDDEN);
    }

    private static Map<Caller, Expect> withToken(Function<Caller, Expect> client) {
        Map<Caller, Expect> expected = everyone(Expect.UNAUTHORIZED);
        IDENTITY_CLIENTS.forEach(caller -> expected.put(caller, client.apply(caller)));
        return expected;
    }

    private static Map<Caller, Expect> everyone(Expect expect) {
        Map<Caller, Expect> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, expect);
        }
        return expected;
    }

    private Map<Caller, String> authorizations() {
        Map<Caller, String> authorization = new LinkedHashMap<>();
        authorization.put(Caller.NOBODY, null);
        authorization.put(Caller.FORGED_TOKEN, "Bearer " + forgedToken());
        authorization.put(Caller.HOTEL_MEMBER, "Bearer demo-hotel-key");
        authorization.put(Caller.TAXI_MEMBER, "Bearer demo-taxi-key");
        Map<Caller, String> clients = Map.of(Caller.POLICE, "police-demo", Caller.MIKAMOTTAGNINGEN, "mika-demo",
                Caller.SOCIAL_SERVICES_CHILDREN, "social-children-demo",
                Caller.REGION_COORDINATORS, "region-coordinators-demo", Caller.LETTINGS_GROUP, "lettings-demo",
                Caller.COORDINATOR, "coordinator-demo", Caller.AUDITOR, "auditor-demo");
        clients.forEach((caller, client) -> authorization.put(caller, "Bearer " + vaksam.token(client)));
        return authorization;
    }

    /** A token claiming to be the police's, signed by nobody identity knows. */
    private static String forgedToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"sub\":\"police-demo\",\"recipient\":\"POLICE\","
                + "\"roles\":[\"RECIPIENT\",\"AUDITOR\",\"COORDINATOR\",\"LETTINGS\"],\"exp\":4102444800}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + base64.encodeToString(new byte[256]);
    }
}
