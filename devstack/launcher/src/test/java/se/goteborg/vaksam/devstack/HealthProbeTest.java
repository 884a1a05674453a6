package se.goteborg.vaksam.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class HealthProbeTest {

    @Test
    void tcpIsHealthyWhileSomethingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
            assertThat(HealthProbe.tcp(port).isHealthy()).isTrue();
        }
        assertThat(HealthProbe.tcp(port).isHealthy()).isFalse();
    }

    @Test
    void httpIsHealthyOnlyOn200() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/up", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        try {
            assertThat(HealthProbe.http(URI.create("http://localhost:" + port + "/up")).isHealthy()).isTrue();
            assertThat(HealthProbe.http(URI.create("http://localhost:" + port + "/down")).isHealthy()).isFalse();
        } finally {
            server.stop(0);
        }
        assertThat(HealthProbe.http(URI.create("http://localhost:" + port + "/up")).isHealthy()).isFalse();
    }

    @Test
    void describesWhatItAsks() {
        assertThat(HealthProbe.tcp(9092).describe()).isEqualTo("TCP localhost:9092");
        assertThat(HealthProbe.http(URI.create("http://localhost:8081/actuator/health")).describe())
                .isEqualTo("GET http://localhost:8081/actuator/health");
    }
}
