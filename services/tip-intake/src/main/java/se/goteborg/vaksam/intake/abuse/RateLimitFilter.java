package se.goteborg.vaksam.intake.abuse;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.MaxBodySizeWebFilter;

/**
 * Rate limits per member key and per client address, checked before security, body limits or handlers see the
 * request, so a refused request costs a hash and a map look-up. Over a limit the answer is 429 with
 * {@code Retry-After}. Receipt look-ups that find nothing are counted apart under a much tighter budget: with
 * 80-bit codes, ten guesses per quarter hour per address make guessing hopeless, while a tipster who mistypes their
 * code a few times never notices. Keys and addresses are only held as {@link Pseudonyms}, never logged.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements WebFilter, Ordered {

    /** Before the body limit (and so before security) so that a refused request is not even measured. */
    static final int ORDER = MaxBodySizeWebFilter.ORDER - 5;

    static final String MEMBER_COOKIE = "vaksam_member";

    private static final Set<String> TIP_PATHS = Set.of("/api/v1/tips/hotel", "/api/v1/tips/taxi", "/intake/hotel",
            "/intake/taxi");
    private static final Set<String> RECEIPT_POSTS = Set.of("/intake/receipt", "/intake/receipt/answer");
    private static final PathPattern RECEIPT_ANSWERS =
            PathPatternParser.defaultInstance.parse("/api/v1/receipts/*/answers");
    private static final PathPattern RECEIPTS = PathPatternParser.defaultInstance.parse("/api/v1/receipts/**");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S{1,256})");

    private final ClientAddresses addresses;
    private final Pseudonyms pseudonyms = new Pseudonyms();
    private final Buckets tips;
    private final Buckets posts;
    private final Buckets lookups;
    private final Buckets failedLookups;

    /**
     * @param time a test may give its own; otherwise real time, and deliberately not the service's {@code Clock}:
     *             a fixed clock in tests would never refill a bucket
     */
    RateLimitFilter(RateLimitProperties limits, @Value("${vaksam.intake.trust-forwarded-for:false}") boolean trustForwardedFor,
                    ObjectProvider<TimeMeter> time) {
        TimeMeter meter = time.getIfAvailable(() -> TimeMeter.SYSTEM_NANOTIME);
        this.addresses = new ClientAddresses(trustForwardedFor);
        this.tips = new Buckets(limits.tipsPerMember(), limits.maxTrackedKeys(), meter);
        this.posts = new Buckets(limits.postsPerAddress(), limits.maxTrackedKeys(), meter);
        this.lookups = new Buckets(limits.receiptLookupsPerAddress(), limits.maxTrackedKeys(), meter);
        this.failedLookups = new Buckets(limits.failedReceiptLookupsPerAddress(), limits.maxTrackedKeys(), meter);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        boolean post = HttpMethod.POST.equals(request.getMethod());
        boolean lookup = isReceiptLookup(request.getMethod(), path);
        if (!post && !lookup) {
            return chain.filter(exchange);
        }
        String address = pseudonyms.of("address", addresses.of(request));
        Duration wait = Duration.ZERO;
        if (post) {
            wait = posts.take(address);
        }
        if (wait.isZero() && post && TIP_PATHS.contains(path.value())) {
            String memberKey = memberKey(request);
            if (memberKey != null) {
                wait = tips.take(pseudonyms.of("member", memberKey));
            }
        }
        if (wait.isZero() && lookup) {
            wait = failedLookups.wait(address);
            if (wait.isZero()) {
                wait = lookups.take(address);
            }
        }
        if (!wait.isZero()) {
            return Mono.error(tooManyRequests(wait));
        }
        if (lookup) {
            exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
                if (HttpStatus.NOT_FOUND.equals(exchange.getResponse().getStatusCode())) {
                    failedLookups.spend(address);
                }
            }));
        }
        return chain.filter(exchange);
    }

    private static boolean isReceiptLookup(HttpMethod method, PathContainer path) {
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return RECEIPTS.matches(path);
        }
        return HttpMethod.POST.equals(method) && (RECEIPT_POSTS.contains(path.value()) || RECEIPT_ANSWERS.matches(path));
    }

    /** The API's bearer key, or the member cookie the pages carry; either way only ever used as a pseudonym. */
    private static String memberKey(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            Matcher matcher = BEARER.matcher(authorization.strip());
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        HttpCookie cookie = request.getCookies().getFirst(MEMBER_COOKIE);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    private static ErrorResponseException tooManyRequests(Duration wait) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests. Please wait a moment and try again.");
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
        problem.setProperty("retryAfterSeconds", seconds);
        exception.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return exception;
    }
}
