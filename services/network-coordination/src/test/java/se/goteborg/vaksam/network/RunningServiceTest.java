package se.goteborg.vaksam.network;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.ServiceClients;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;

/**
 * The service running on the real broker, registry and Mongo-compatible store, taking tokens as identity issues them
 * ({@link TestTokens}). Each test class names a database of its own ({@code @TestPropertySource(properties =
 * "vaksam.mongo.database=...")}) and its context is closed after it, so its listeners do not go on consuming beside
 * another class's context.
 */
@DirtiesContext
@SpringBootTest(classes = NetworkCoordinationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaksam.security.issuer=" + TestTokens.ISSUER)
public abstract class RunningServiceTest {

    protected static final Duration DEADLINE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.registerWithTokens(registry);
    }

    @LocalServerPort protected int port;
    @Autowired protected MongoDatabase database;

    protected WebTestClient client() {
        return ServiceClients.of(port, DEADLINE);
    }

    /** A browser logged in at the gateway, which relays {@code token} with every request. */
    protected PageBrowser browser(String token) {
        return new PageBrowser(client().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
    }
}
