package se.goteborg.vaksam.intake.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.ErrorResponseException;

import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;

/** The limits on their own, on a clock the test moves. */
class RateLimitFilterTest {

    private static final RateLimitProperties LIMITS = new RateLimitProperties(
            new RateLimitProperties.Limit(3, Duration.ofMinutes(1)),
            new RateLimitProperties.Limit(5, Duration.ofMinutes(1)),
            new RateLimitProperties.Limit(20, Duration.ofMinutes(1)),
            new RateLimitProperties.Limit(2, Duration.ofMinutes(15)),
            1000);

    private final FakeTime time = new FakeTime();
    private RateLimitFilter filter = filter(LIMITS, false);

    @Test
    void aMemberOverItsLimitGets429WithRetryAfterWhateverAddressItUses() {
        for (int i = 0; i < 3; i++) {
            assertThat(status(post("/api/v1/tips/hotel", "10.0.0." + i, bearer("key-a")))).isEqualTo(201);
        }
        ErrorResponseException refused = refusal(post("/api/v1/tips/hotel", "10.0.0.9", bearer("key-a")));

        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        // Three per minute refill one every 20 seconds.
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("20");
        assertThat(refused.getBody().getProperties()).containsEntry("retryAfterSeconds", 20L);
    }

    @Test
    void tokensComeBackAsTimePasses() {
        for (int i = 0; i < 3; i++) {
            status(post("/api/v1/tips/taxi", "10.0.0." + i, bearer("key-a")));
        }
        time.advance(Duration.ofSeconds(19));
        assertThat(refusal(post("/api/v1/tips/taxi", "10.0.1.1", bearer("key-a"))).getHeaders()
                .getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");

        time.advance(Duration.ofSeconds(1));
        assertThat(status(post("/api/v1/tips/taxi", "10.0.1.2", bearer("key-a")))).isEqualTo(201);
        assertThat(refusal(post("/api/v1/tips/taxi", "10.0.1.3", bearer("key-a")))).isNotNull();

        time.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(status(post("/api/v1/tips/taxi", "10.0.2." + i, bearer("key-a")))).isEqualTo(201);
        }
    }

    @Test
    void eachMemberAndEachAddressHasItsOwnBudget() {
        for (int i = 0; i < 3; i++) {
            status(post("/api/v1/tips/hotel", "10.0.0." + i, bearer("key-a")));
        }
        assertThat(refusal(post("/api/v1/tips/hotel", "10.0.0.7", bearer("key-a")))).isNotNull();
        assertThat(status(post("/api/v1/tips/hotel", "10.0.0.7", bearer("key-b")))).isEqualTo(201);

        for (int i = 0; i < 5; i++) {
            status(post("/intake/enrol", "10.0.0.50", h -> h));
        }
        assertThat(refusal(post("/intake/enrol", "10.0.0.50", h -> h))).isNotNull();
        assertThat(status(post("/intake/enrol", "10.0.0.51", h -> h))).isEqualTo(201);
    }

    @Test
    void thePagesMemberCookieCountsAsTheMemberKey() {
        for (int i = 0; i < 3; i++) {
            assertThat(status(post("/intake/hotel", "10.0.0." + i, cookie("signed-cookie-a")))).isEqualTo(201);
        }
        assertThat(refusal(post("/intake/hotel", "10.0.0.5", cookie("signed-cookie-a")))).isNotNull();
        assertThat(status(post("/intake/taxi", "10.0.0.6", cookie("signed-cookie-b")))).isEqualTo(201);
    }

    @Test
    void everyPostCountsAgainstTheAddress() {
        status(post("/api/v1/tips/hotel", "10.0.0.1", bearer("key-a")));
        status(post("/api/v1/tips/hotel", "10.0.0.1", bearer("key-b")));
        status(post("/intake/signout", "10.0.0.1", h -> h));
        status(post("/intake/receipt", "10.0.0.1", h -> h));
        status(post("/api/v1/tips/taxi", "10.0.0.1", h -> h));

        assertThat(refusal(post("/api/v1/tips/hotel", "10.0.0.1", bearer("key-c")))).isNotNull();
        // Reading pages is not limited.
        assertThat(status(request(HttpMethod.GET, "/intake/hotel", "10.0.0.1", h -> h), 200)).isEqualTo(200);
    }

    @Test
    void forwardedForIsIgnoredUnlessTrusted() {
        for (int i = 0; i < 5; i++) {
            status(post("/intake/enrol", "192.0.2.1", forwardedFor("198.51.100." + i)));
        }
        assertThat(refusal(post("/intake/enrol", "192.0.2.1", forwardedFor("198.51.100.99")))).isNotNull();
    }

    @Test
    void behindTheGatewayTheRightMostForwardedForEntryIsTheClient() {
        filter = filter(LIMITS, true);
        for (int i = 0; i < 5; i++) {
            // What a client puts in front of the gateway's own entry changes nothing.
            status(post("/intake/enrol", "172.16.0.2", forwardedFor("203.0.113." + i + ", 198.51.100.1")));
        }
        assertThat(refusal(post("/intake/enrol", "172.16.0.2", forwardedFor("198.51.100.1")))).isNotNull();
        assertThat(status(post("/intake/enrol", "172.16.0.2", forwardedFor("198.51.100.2")))).isEqualTo(201);
        assertThat(status(post("/intake/enrol", "172.16.0.2", h -> {
            h.add(ClientAddresses.FORWARDED_FOR, "198.51.100.1");
            h.add(ClientAddresses.FORWARDED_FOR, "198.51.100.3");
            return h;
        }))).isEqualTo(201);
    }

    @Test
    void failedReceiptLookupsAreCountedAndThenEveryLookupWaits() {
        for (int i = 0; i < 10; i++) {
            assertThat(status(request(HttpMethod.GET, "/api/v1/receipts/VK-FOUND", "10.0.0.1", h -> h), 200))
                    .isEqualTo(200);
        }
        status(request(HttpMethod.GET, "/api/v1/receipts/VK-GUESS-1", "10.0.0.1", h -> h), 404);
        status(request(HttpMethod.POST, "/intake/receipt", "10.0.0.1", h -> h), 404);

        ErrorResponseException refused = refusal(request(HttpMethod.GET, "/api/v1/receipts/VK-FOUND", "10.0.0.1",
                h -> h));
        // Two per quarter hour refill one every 7.5 minutes.
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("450");
        assertThat(refusal(request(HttpMethod.POST, "/api/v1/receipts/VK-FOUND/answers", "10.0.0.1", h -> h)))
                .isNotNull();
        assertThat(refusal(request(HttpMethod.POST, "/intake/receipt/answer", "10.0.0.1", h -> h))).isNotNull();
        assertThat(status(request(HttpMethod.GET, "/api/v1/receipts/VK-FOUND", "10.0.0.2", h -> h), 200))
                .isEqualTo(200);

        time.advance(Duration.ofSeconds(450));
        assertThat(status(request(HttpMethod.GET, "/api/v1/receipts/VK-GUESS-2", "10.0.0.1", h -> h), 404))
                .isEqualTo(404);
        assertThat(refusal(request(HttpMethod.GET, "/api/v1/receipts/VK-FOUND", "10.0.0.1", h -> h))).isNotNull();
    }

    @Test
    void allReceiptLookupsHaveAnAddressBudgetToo() {
        RateLimitProperties few = new RateLimitProperties(LIMITS.tipsPerMember(), LIMITS.postsPerAddress(),
                new RateLimitProperties.Limit(4, Duration.ofMinutes(1)), LIMITS.failedReceiptLookupsPerAddress(), 1000);
        filter = filter(few, false);
        for (int i = 0; i < 4; i++) {
            status(request(HttpMethod.GET, "/api/v1/receipts/VK-FOUND", "10.0.0.1", h -> h), 200);
        }
        assertThat(refusal(request(HttpMethod.GET, "/api/v1/receipts/VK-FOUND", "10.0.0.1", h -> h))
                .getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("15");
    }

    private RateLimitFilter filter(RateLimitProperties limits, boolean trustForwardedFor) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("time", time);
        return new RateLimitFilter(limits, trustForwardedFor, beans.getBeanProvider(TimeMeter.class));
    }

    private static MockServerWebExchange post(String path, String peer, UnaryOperator<HttpHeaders> headers) {
        return request(HttpMethod.POST, path, peer, headers);
    }

    private static MockServerWebExchange request(HttpMethod method, String path, String peer,
                                                 UnaryOperator<HttpHeaders> headers) {
        HttpHeaders built = headers.apply(new HttpHeaders());
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.method(method, path)
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .headers(built);
        if (built.containsHeader("X-Test-Cookie")) {
            request.cookie(new HttpCookie(RateLimitFilter.MEMBER_COOKIE, built.getFirst("X-Test-Cookie")));
        }
        return MockServerWebExchange.from(request);
    }

    private static UnaryOperator<HttpHeaders> bearer(String key) {
        return h -> {
            h.setBearerAuth(key);
            return h;
        };
    }

    private static UnaryOperator<HttpHeaders> cookie(String value) {
        return h -> {
            h.set("X-Test-Cookie", value);
            return h;
        };
    }

    private static UnaryOperator<HttpHeaders> forwardedFor(String value) {
        return h -> {
            h.set(ClientAddresses.FORWARDED_FOR, value);
            return h;
        };
    }

    private int status(MockServerWebExchange exchange) {
        return status(exchange, 201);
    }

    /** Lets the request through to a handler answering {@code status}; fails if the filter refuses it. */
    private int status(MockServerWebExchange exchange, int status) {
        filter.filter(exchange, e -> {
            e.getResponse().setStatusCode(HttpStatus.valueOf(status));
            return e.getResponse().setComplete();
        }).block();
        return exchange.getResponse().getStatusCode().value();
    }

    /** The refusal of the request; fails if it was let through. */
    private ErrorResponseException refusal(MockServerWebExchange exchange) {
        try {
            filter.filter(exchange, e -> Mono.error(new AssertionError("request was let through"))).block();
        } catch (ErrorResponseException refused) {
            assertThat(refused.getStatusCode().value()).isEqualTo(429);
            return refused;
        }
        throw new AssertionError("request was let through");
    }
}
