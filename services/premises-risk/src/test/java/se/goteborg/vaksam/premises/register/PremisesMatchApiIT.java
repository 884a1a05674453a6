package se.goteborg.vaksam.premises.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.TopicRecords;

/** {@code GET /api/v1/lettings/premises/match} through the running service, its security and its problem answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaksam.demo.enabled=false",
        "vaksam.mongo.database=premises-match-api-it",
        "vaksam.security.issuer=" + TestTokens.ISSUER})
class PremisesMatchApiIT {

    static final String PATH = PremisesMatchRouter.MATCH_PATH;
    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    static final String HEADER = "premises_id,property_designation,street_address,postal_code,city,landlord,"
            + "tenant_org_number,tenant_name,industry_code,lease_start,lease_end\n";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.registerWithTokens(registry);
    }

    @LocalServerPort int port;
    WebTestClient http;

    @BeforeEach
    void registerImported() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
        Awaitility.await("service healthy").atMost(TopicRecords.DEADLINE).until(() ->
                http.get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        String csv = HEADER
                + "API-1,Inom Vallgraven 70:1,Matchgatan 12,411 19,Göteborg,Higab AB,559900-7001,Match Spa AB,96.040,2023-03-01,\n"
                + "API-2,Inom Vallgraven 70:2,Matchgatan 14,411 19,Göteborg,Higab AB,559900-7001,Förr AB,47.110,2015-01-01,2020-12-31\n";
        http.post().uri("/api/v1/lettings/register").contentType(TEXT_CSV).bodyValue(csv)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken())
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void anExactMatchNamesThePremises() {
        match(uri -> uri.queryParam("streetAddress", "MATCHG. 12").queryParam("postalCode", "SE-411 19")
                .queryParam("city", "Gbg"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.match").isEqualTo("EXACT")
                .jsonPath("$.confidence").isEqualTo(1.0)
                .jsonPath("$.addressKey").isEqualTo("matchgatan 12|41119")
                .jsonPath("$.premises.premisesId").isEqualTo("API-1")
                .jsonPath("$.premises.propertyDesignation").isEqualTo("Inom Vallgraven 70:1")
                .jsonPath("$.premises.streetAddress").isEqualTo("Matchgatan 12")
                .jsonPath("$.premises.postalCode").isEqualTo("411 19")
                .jsonPath("$.premises.city").isEqualTo("Göteborg")
                .jsonPath("$.premises.landlord").isEqualTo("Higab AB")
                .jsonPath("$.premises.tenantName").isEqualTo("Match Spa AB")
                .jsonPath("$.premises.tenantOrgNumber").isEqualTo("559900-7001")
                .jsonPath("$.premises.industryCode").isEqualTo("96.040")
                .jsonPath("$.premises.leaseStart").isEqualTo("2023-03-01")
                .jsonPath("$.premises.leaseEnd").doesNotExist()
                .jsonPath("$.premises.letToday").isEqualTo(true)
                .jsonPath("$.premises.leaseHistory").isEmpty();
    }

    @Test
    void aProbableMatchHasAConfidenceAndPremisesWhoseLeaseEndedAreStillFound() {
        match(uri -> uri.queryParam("streetAddress", "Matchgatan 14 B").queryParam("city", "Göteborg"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.match").isEqualTo("PROBABLE")
                .jsonPath("$.confidence").isEqualTo(0.68)
                .jsonPath("$.premises.premisesId").isEqualTo("API-2")
                .jsonPath("$.premises.leaseEnd").isEqualTo("2020-12-31")
                .jsonPath("$.premises.letToday").isEqualTo(false);
    }

    @Test
    void noMatchForANeighbouringNumberOrAnotherTown() {
        match(uri -> uri.queryParam("streetAddress", "Matchgatan 16").queryParam("postalCode", "411 19"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.match").isEqualTo("NONE")
                .jsonPath("$.confidence").isEqualTo(0.0)
                .jsonPath("$.addressKey").isEqualTo("matchgatan 16|41119")
                .jsonPath("$.premises").isEmpty();
        match(uri -> uri.queryParam("streetAddress", "Matchgatan 12").queryParam("city", "Stockholm"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.match").isEqualTo("NONE");
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        for (String street : new String[] {"", "   ", "x".repeat(201), "12"}) {
            match(uri -> uri.queryParam("streetAddress", street))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("streetAddress"));
        }
        match(uri -> uri.queryParam("postalCode", "4".repeat(101)).queryParam("city", "G".repeat(101)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("streetAddress", "postalCode", "city"));
    }

    @Test
    void theCheckIsForTheLettingsGroupOnly() {
        http.get().uri(uri -> uri.path(PATH).queryParam("streetAddress", "Matchgatan 12").build()).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri(uri -> uri.path(PATH).queryParam("streetAddress", "Matchgatan 12").build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("police-demo", "POLICE",
                        List.of("RECIPIENT")))
                .exchange()
                .expectStatus().isForbidden();
    }

    WebTestClient.ResponseSpec match(Function<UriBuilder, UriBuilder> query) {
        WebTestClient.ResponseSpec response = http.get().uri(uri -> query.apply(uri.path(PATH)).build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken())
                .exchange();
        assertThat(response).isNotNull();
        return response;
    }

    static String lettingsToken() {
        return TestTokens.token("lettings-demo", "LETTINGS_GROUP", List.of("LETTINGS"));
    }
}
