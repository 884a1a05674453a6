package se.goteborg.vaksam.testsupport;

import java.time.Duration;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Clients of a service under test, running on a port of this machine. */
public final class ServiceClients {

    private ServiceClients() {
    }

    /**
     * A client that opens a connection for each request: Reactor Netty can stop reading a kept-alive connection whose
     * next request arrives before the previous exchange has ended on the server (reactor/reactor-netty#4361), which
     * a test sending one request right after another provokes.
     */
    public static WebTestClient of(int port, Duration timeout) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(
                        ConnectionProvider.newConnection())))
                .responseTimeout(timeout).baseUrl("http://localhost:" + port).build();
    }
}
