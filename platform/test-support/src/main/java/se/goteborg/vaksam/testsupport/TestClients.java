package se.goteborg.vaksam.testsupport;

import java.time.Duration;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * HTTP clients for tests of a service on a local port. Each request gets a connection of its own: a pooled keep-alive
 * connection that the server closes after answering without reading the whole body (a 400 or 404 before the body
 * matters) can take the next request, which then never reaches the server and stalls until the time-out
 * (reactor-netty's client does not notice the close in time). Real clients reconnect; tests must not stall.
 */
public final class TestClients {

    private TestClients() {
    }

    /** A client of {@code http://localhost:<port>} answering within {@code timeout}. */
    public static WebTestClient local(int port, Duration timeout) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(
                        ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(timeout)
                .build();
    }
}
