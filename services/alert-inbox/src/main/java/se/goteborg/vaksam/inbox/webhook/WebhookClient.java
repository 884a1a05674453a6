package se.goteborg.vaksam.inbox.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContextBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.SslProvider;

/**
 * Sends one attempt of a delivery: a signed JSON POST over HTTPS, every connection's address checked as it is made,
 * redirects not followed (a 3xx is a failed attempt, never a way to another host), each phase and the whole attempt
 * bounded in time, the answer's body discarded unread.
 */
@Component
class WebhookClient implements DisposableBean {

    private static final String WEBHOOK_ID = "Vaksam-Webhook-Id";
    private static final String DELIVERY_ID = "Vaksam-Delivery-Id";
    private static final String EVENT_ID = "Vaksam-Event-Id";
    private static final String EVENT_TYPE = "Vaksam-Event-Type";
    private static final String ATTEMPT = "Vaksam-Delivery-Attempt";

    private static final String USER_AGENT = "Vaksam-Webhooks/1";

    private final ConnectionProvider connections;
    private final GuardedResolverGroup resolver;
    private final WebClient web;
    private final Duration attemptLimit;

    WebhookClient(WebhookProperties properties, EndpointRules rules) {
        this.connections = ConnectionProvider.builder("webhooks")
                .maxConnections(properties.maxConcurrentWebhooks() * properties.perWebhookConcurrency())
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.resolver = new GuardedResolverGroup(rules);
        SslProvider.GenericSslContextSpec<SslContextBuilder> tls = properties.trustedCertificates() == null
                ? Http11SslContextSpec.forClient()
                : Http11SslContextSpec.forClient().configure(builder -> builder.trustManager(
                        trusted(properties.trustedCertificates())));
        HttpClient http = HttpClient.create(connections)
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.responseTimeout())
                .followRedirect(false)
                .secure(ssl -> ssl.sslContext(tls).handshakeTimeout(properties.connectTimeout()));
        this.web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.attemptLimit = properties.attemptLimit();
    }

    /** Never fails: whatever goes wrong is the attempt's outcome. */
    Mono<AttemptOutcome> send(Webhook webhook, Delivery delivery, int attempt, String secret, Instant at) {
        return web.post()
                .uri(URI.create(webhook.url()))
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
                    headers.set(WEBHOOK_ID, webhook.webhookId());
                    headers.set(DELIVERY_ID, delivery.deliveryId());
                    headers.set(EVENT_ID, delivery.eventId());
                    headers.set(EVENT_TYPE, delivery.type());
                    headers.set(ATTEMPT, Integer.toString(attempt));
                    headers.set(WebhookSignature.HEADER,
                            WebhookSignature.header(secret, at.getEpochSecond(), delivery.body()));
                })
                .bodyValue(delivery.body())
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(AttemptOutcome.status(response.statusCode().value())))
                .timeout(attemptLimit)
                .onErrorResume(e -> Mono.just(AttemptOutcome.error(cause(e))));
    }

    /** The error worth reporting: a refused address wherever it is wrapped, else what the request failed with. */
    private static Throwable cause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ForbiddenAddressException) {
                return cause;
            }
        }
        return error instanceof WebClientRequestException && error.getCause() != null ? error.getCause() : error;
    }

    /** The JVM's trusted CAs and those of the file, so receivers with public and with private CAs both work. */
    private static X509Certificate[] trusted(Resource file) {
        try (InputStream in = file.getInputStream()) {
            List<X509Certificate> certificates = new ArrayList<>();
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    certificates.addAll(List.of(x509.getAcceptedIssuers()));
                }
            }
            int defaults = certificates.size();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.size() == defaults) {
                throw new IllegalStateException("No certificate in vaksam.inbox.webhooks.trusted-certificates");
            }
            return certificates.toArray(X509Certificate[]::new);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("vaksam.inbox.webhooks.trusted-certificates cannot be read", e);
        }
    }

    @Override
    public void destroy() {
        connections.dispose();
        resolver.close();
    }
}
