package se.goteborg.vaksam.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** How the launcher tells that a child is ready: a port that accepts connections, or an HTTP 200. */
sealed interface HealthProbe {

    Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    boolean isHealthy();

    /** For messages: what was asked. */
    String describe();

    static HealthProbe tcp(int port) {
        return new Tcp(port);
    }

    static HealthProbe http(URI uri) {
        return new Http(uri);
    }

    record Tcp(int port) implements HealthProbe {

        @Override
        public boolean isHealthy() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), (int) ATTEMPT_TIMEOUT.toMillis());
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String describe() {
            return "TCP localhost:" + port;
        }
    }

    record Http(URI uri) implements HealthProbe {

        private static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ATTEMPT_TIMEOUT)
                .build();

        @Override
        public boolean isHealthy() {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(ATTEMPT_TIMEOUT).GET().build();
            try {
                return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public String describe() {
            return "GET " + uri;
        }
    }
}
