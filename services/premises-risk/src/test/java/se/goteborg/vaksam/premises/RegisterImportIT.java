package se.goteborg.vaksam.premises;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.TestTokens;

/**
 * The register import through the API against the real store: a good file is stored and a second import of it
 * changes nothing, and every kind of bad file is refused with its faults named while the store stays as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaksam.mongo.database=premises-risk-import-it",
        "vaksam.security.issuer=" + TestTokens.ISSUER})
class RegisterImportIT {

    static final String HEADER = "premises_id,property_designation,street_address,postal_code,city,landlord,"
            + "tenant_org_number,tenant_name,industry_code,lease_start,lease_end\n";
    static final String ROW = "RI-0001,Haga 32:8,Haga Nygata 21,413 01,Göteborg,Familjebostäder i Göteborg AB,"
            + "559900-0014,Hagas Frisör AB,96.021,2017-03-01,\n";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.registerWithTokens(registry);
    }

    @Autowired MongoDatabase database;
    @LocalServerPort int port;
    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void aGoodFileIsStoredNormalisedAndImportingItAgainChangesNothing() {
        String csv = HEADER
                + "RI-0101,Olivedal 11:3,Linnégatan 46,41308,Göteborg,Bostads AB Poseidon,5599000022,"
                + "Linné Massage AB,96040,2023-05-01,\n"
                + "RI-0102,\"Masthugget 24:2\",Andra Långgatan 22,413 27,Göteborg,\"Fastighetsnämnden, Göteborgs Stad\","
                + ",,,,\n"
                + "RI-0103,Majorna 206:1,Karl Johansgatan 56,414 55,Göteborg,Bostads AB Poseidon,559900-0030,"
                + "Majornas Livs AB,47.110,2016-08-01,2024-12-31\n";

        post(csv.getBytes(StandardCharsets.UTF_8), "text/csv").expectStatus().isOk()
                .expectBody().json("{\"rows\":3,\"added\":3,\"updated\":0}");
        List<Document> first = premises("RI-01");

        post(csv.getBytes(StandardCharsets.UTF_8), "text/csv").expectStatus().isOk()
                .expectBody().json("{\"rows\":3,\"added\":0,\"updated\":3}");
        List<Document> second = premises("RI-01");

        assertThat(first).hasSize(3);
        assertThat(first.get(0)).containsEntry("postalCode", "413 08").containsEntry("tenantOrgNumber", "559900-0022")
                .containsEntry("industryCode", "96.040");
        assertThat(first.get(1)).containsEntry("landlord", "Fastighetsnämnden, Göteborgs Stad")
                .containsEntry("tenantName", null);
        assertThat(first.get(2)).containsEntry("leaseEnd", "2024-12-31");
        assertThat(withoutImportTime(second)).isEqualTo(withoutImportTime(first));
    }

    @Test
    void aFileInLatin1IsReadWhenItsCharsetIsDeclared() {
        byte[] latin1 = (HEADER + ROW.replace("RI-0001", "RI-0201")).getBytes(StandardCharsets.ISO_8859_1);

        post(latin1, "text/csv; charset=ISO-8859-1").expectStatus().isOk()
                .expectBody().json("{\"rows\":1,\"added\":1}");

        assertThat(premises("RI-02")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("landlord", "Familjebostäder i Göteborg AB")
                        .containsEntry("tenantName", "Hagas Frisör AB"));
    }

    static Stream<Arguments> badFiles() {
        byte[] utf8 = (HEADER + ROW).getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                bad("a renamed column", (HEADER.replace("tenant_org_number", "org_nr") + ROW), "text/csv",
                        "header", "header"),
                bad("columns in another order", HEADER.replace("postal_code,city", "city,postal_code") + ROW,
                        "text/csv", "header"),
                bad("a date that does not exist", HEADER + ROW.replace("2017-03-01", "2017-02-29"), "text/csv",
                        "line[2].lease_start"),
                bad("the same premises twice", HEADER + ROW + ROW.replace("Haga Nygata 21", "Haga Nygata 23"),
                        "text/csv", "line[3].premises_id"),
                bad("an organisation number with a wrong check digit", HEADER + ROW.replace("559900-0014", "559900-0015"),
                        "text/csv", "line[2].tenant_org_number"),
                bad("a sole trader's personal identity number", HEADER + ROW.replace("559900-0014", "811218-9876"),
                        "text/csv", "line[2].tenant_org_number"),
                bad("an SNI code of no division", HEADER + ROW.replace("96.021", "34.100"), "text/csv",
                        "line[2].industry_code"),
                bad("a lease that ends before it starts", HEADER + ROW.replace("2017-03-01,", "2017-03-01,2016-12-31"),
                        "text/csv", "line[2].lease_end"),
                bad("a name too long", HEADER + ROW.replace("Hagas Frisör AB", "Frisör ".repeat(30)), "text/csv",
                        "line[2].tenant_name"),
                bad("Latin-1 sent as UTF-8", (HEADER + ROW).getBytes(StandardCharsets.ISO_8859_1), "text/csv",
                        "encoding"),
                bad("UTF-8 sent as Latin-1", utf8, "text/csv; charset=ISO-8859-1", "encoding"),
                bad("an empty file", new byte[0], "text/csv", "file"),
                bad("a header only", HEADER, "text/csv", "file"),
                bad("one good row and one bad", HEADER + ROW + ROW.replace("RI-0001", "RI-0002")
                        .replace("413 01", "41"), "text/csv", "line[3].postal_code"));
    }

    private static Arguments bad(String name, String csv, String contentType, String... fields) {
        return bad(name, csv.getBytes(StandardCharsets.UTF_8), contentType, fields);
    }

    private static Arguments bad(String name, byte[] content, String contentType, String... fields) {
        return Arguments.of(name, content, contentType, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithItsFaultsNamedAndChangesNothing(String name, byte[] content, String contentType,
                                                              List<String> fields) {
        Map<String, List<Document>> before = store();

        post(content, contentType).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(fields);

        assertThat(store()).as("the store after the refused file").isEqualTo(before);
    }

    @Test
    void aCharsetThisServiceDoesNotKnowIsAnEncodingProblem() throws Exception {
        Map<String, List<Document>> before = store();
        // WebTestClient refuses to send such a header, so this one goes out through the JDK's client.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/lettings/register"))
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=klingon")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken())
                .POST(HttpRequest.BodyPublishers.ofString(HEADER + ROW))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"encoding\"");
        assertThat(store()).isEqualTo(before);
    }

    private WebTestClient.ResponseSpec post(byte[] content, String contentType) {
        return http.post().uri("/api/v1/lettings/register")
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken())
                .bodyValue(content)
                .exchange();
    }

    private static String lettingsToken() {
        return TestTokens.token("lettings-demo", "LETTINGS_GROUP", List.of("LETTINGS"));
    }

    private List<Document> premises(String idPrefix) {
        return Flux.from(database.getCollection("lettings_register")
                        .find(new Document("_id", new Document("$regex", "^" + idPrefix))).sort(Sorts.ascending("_id")))
                .collectList().block(Duration.ofSeconds(10));
    }

    /** Every document of the register and its address index. */
    private Map<String, List<Document>> store() {
        return Map.of(
                "lettings_register", all("lettings_register"),
                "lettings_addresses", all("lettings_addresses"));
    }

    private List<Document> all(String collection) {
        return Flux.from(database.getCollection(collection).find().sort(Sorts.ascending("_id")))
                .collectList().block(Duration.ofSeconds(10));
    }

    private static List<Document> withoutImportTime(List<Document> rows) {
        return rows.stream().map(row -> {
            Document copy = new Document(row);
            copy.remove("importedAt");
            return copy;
        }).toList();
    }
}
