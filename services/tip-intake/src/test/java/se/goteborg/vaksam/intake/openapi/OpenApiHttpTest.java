package se.goteborg.vaksam.intake.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.IntakeTestSupport;
import se.goteborg.vaksam.intake.TipIntakeApplication;

/** The document is served to anyone, and it describes every route the service has under {@code /api/v1}. */
@SpringBootTest(classes = TipIntakeApplication.class, properties = {
        "spring.autoconfigure.exclude=se.goteborg.vaksam.platform.events.EventsAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@AutoConfigureWebTestClient
@Import(IntakeTestSupport.Beans.class)
class OpenApiHttpTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.store(registry, "openapi-http-test-" + UUID.randomUUID());
    }

    @Autowired WebTestClient client;
    @Autowired List<RouterFunction<?>> routers;

    @BeforeEach
    void patientClient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theDocumentIsServedAsWrittenWithoutAKey() throws IOException {
        byte[] written = new ClassPathResource(OpenApiRouter.DOCUMENT).getContentAsByteArray();

        byte[] served = client.get().uri(OpenApiRouter.PATH).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(OpenApiRouter.YAML)
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(served, StandardCharsets.UTF_8)).isEqualTo(new String(written, StandardCharsets.UTF_8));
    }

    @Test
    void everyApiRouteIsDocumented() throws IOException {
        Set<String> routes = new TreeSet<>();
        routers.forEach(router -> router.accept(new Routes(routes)));
        Set<String> documented = documentedOperations();

        assertThat(routes).as("the visitor finds the routes").contains("POST /api/v1/tips/hotel",
                "POST /api/v1/tips/taxi", "GET /api/v1/receipts/{}", "GET /api/v1/openapi.yaml");
        assertThat(documented).containsAll(routes.stream().filter(route -> route.contains(" /api/v1/")).toList());
    }

    private static Set<String> documentedOperations() throws IOException {
        String yaml = new ClassPathResource(OpenApiRouter.DOCUMENT).getContentAsString(StandardCharsets.UTF_8);
        OpenAPI api = new OpenAPIV3Parser().readContents(yaml).getOpenAPI();
        Set<String> operations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, ?> operation : item.readOperationsMap().entrySet()) {
                operations.add(operation.getKey().name() + " " + normalized(path));
            }
        });
        return operations;
    }

    /** Path variables are compared by position, not by name. */
    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    /**
     * Collects "METHOD /path" of each route. Only the shapes this service's routers use are understood (methods
     * and path patterns, combined with and, nested under path prefixes); anything else fails the test rather than
     * going unchecked.
     */
    private static final class Routes implements RouterFunctions.Visitor, RequestPredicates.Visitor {

        private final Set<String> found;
        private final List<String> prefixes = new ArrayList<>();
        private Set<HttpMethod> methods;
        private String path;

        Routes(Set<String> found) {
            this.found = found;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            path = "";
            predicate.accept(this);
            prefixes.add(path);
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.remove(prefixes.size() - 1);
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            methods = null;
            path = null;
            predicate.accept(this);
            assertThat(methods).as("methods of route %s", predicate).isNotEmpty();
            assertThat(path).as("path of route %s", predicate).isNotNull();
            String full = String.join("", prefixes) + path;
            methods.forEach(method -> found.add(method.name() + " " + normalized(full)));
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookup) {
            throw new AssertionError("Static resources under a router: " + lookup);
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            throw new AssertionError("A router this test cannot read: " + routerFunction);
        }

        @Override
        public void method(Set<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        public void path(String pattern) {
            this.path = pattern;
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
            throw new AssertionError("An 'or' route this test cannot read");
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
            throw new AssertionError("A route predicate this test cannot read: " + predicate);
        }
    }
}
