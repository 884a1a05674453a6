package se.goteborg.vaksam.inbox.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.netty.handler.ssl.SslContextBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.tcp.SslProvider;

/**
 * An HTTPS receiver on loopback, as a recipient organisation would run one: it records every request to
 * {@code /hooks/<name>} and answers with the statuses it was told for that name, in order, the last one from then
 * on (200 when told nothing).
 */
final class TestReceiver {

    /** A request as received; header names in lower case. */
    record Received(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final DisposableServer server;

    TestReceiver(TestCertificates.Server certificate) {
        SslProvider.GenericSslContextSpec<SslContextBuilder> tls = Http11SslContextSpec.forServer(certificate.key(),
                certificate.certificate(), certificate.ca());
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .secure(spec -> spec.sslContext(tls))
                .route(routes -> routes.post("/hooks/{name}", (request, response) -> {
                    String name = request.param("name");
                    Map<String, String> headers = request.requestHeaders().entries().stream()
                            .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT),
                                    Map.Entry::getValue, (a, b) -> a + "," + b));
                    return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                            .flatMap(body -> {
                                received.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>())
                                        .add(new Received(headers, body));
                                return response.status(answer(name)).send().then();
                            });
                }))
                .bindNow();
        Runtime.getRuntime().addShutdownHook(new Thread(server::disposeNow, "test-receiver-stop"));
    }

    int port() {
        return server.port();
    }

    String url(String name) {
        return "https://localhost:" + server.port() + "/hooks/" + name;
    }

    void answer(String name, Integer... statuses) {
        answers.put(name, List.of(statuses));
    }

    List<Received> received(String name) {
        return List.copyOf(received.getOrDefault(name, List.of()));
    }

    private int answer(String name) {
        List<Integer> statuses = answers.getOrDefault(name, List.of(200));
        int index = counts.computeIfAbsent(name, n -> new AtomicInteger()).getAndIncrement();
        return statuses.get(Math.min(index, statuses.size() - 1));
    }
}
