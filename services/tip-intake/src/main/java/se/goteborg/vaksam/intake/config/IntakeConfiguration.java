package se.goteborg.vaksam.intake.config;

import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.server.ResponseStatusException;

import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;

import se.goteborg.vaksam.intake.intake.TipCollection;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.web.page.PageSecurity;
import se.goteborg.vaksam.web.security.VaksamSecurity;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    OutboxRelay tipsRelay(MongoDatabase database, EventPublisher publisher) {
        return new OutboxRelay(database.getCollection(TipCollection.NAME), publisher, OutboxRelay.DEFAULT_SWEEP_INTERVAL);
    }

    /**
     * The pages tipsters open in a browser. Their forms carry a CSRF token (double-submitted through a cookie), since a
     * browser sends the member cookie along with any site's form post; the headers keep pages out of frames, caches
     * and referrers, and the CSP allows nothing but this service's own style sheet and script files. Who may submit
     * is decided per request from the member cookie, so every page path is open here.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain pageSecurity(ServerHttpSecurity http) {
        return PageSecurity.browserPages(http, PAGE_CSP)
                .securityMatcher(new PathPatternParserServerWebExchangeMatcher("/intake/**"))
                .csrf(csrf -> csrf.csrfTokenRepository(PageSecurity.csrfTokens("/intake"))
                        // Raised rather than written, so the refusal becomes a page that says what to do.
                        .accessDeniedHandler((exchange, denied) -> Mono.error(
                                new ResponseStatusException(HttpStatus.FORBIDDEN, "The form's CSRF token is missing or stale."))))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /**
     * Tipsters have no accounts: tips are authenticated by member keys in the tip routes, receipts (and answers on
     * them) by their code.
     * Nothing else is served.
     */
    @Bean
    SecurityWebFilterChain intakeSecurity(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.stateless(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/tips/hotel", "/api/v1/tips/taxi").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/receipts/*").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/receipts/*/answers").permitAll()
                        .anyExchange().denyAll())
                .build();
    }
}
