package se.goteborg.vaksam.premises.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

import se.goteborg.vaksam.premises.page.PageRefusals;
import se.goteborg.vaksam.web.page.PageSecurity;
import se.goteborg.vaksam.web.security.VaksamJwtAuthenticationConverter;
import se.goteborg.vaksam.web.security.VaksamSecurity;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * The lettings group's pages. The gateway logs the person in and relays their access token, so a page request is
     * authenticated exactly like an API call, statelessly; refusals become pages (401, 403) instead of problem
     * documents. Unlike the API, the pages are used from a browser that the gateway's session cookie follows around,
     * so their form posts carry a CSRF token, double-submitted through a cookie (multipart forms too: the register
     * upload). The CSP allows nothing but this service's own style sheet.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain pages(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                 VaksamJwtAuthenticationConverter converter) {
        XorServerCsrfTokenRequestAttributeHandler csrfHandler = new XorServerCsrfTokenRequestAttributeHandler();
        csrfHandler.setTokenFromMultipartDataEnabled(true);
        return PageSecurity.browserPages(http, PAGE_CSP)
                .securityMatcher(new PathPatternParserServerWebExchangeMatcher("/lettings/**"))
                .csrf(csrf -> csrf.csrfTokenRepository(PageSecurity.csrfTokens("/lettings"))
                        .csrfTokenRequestHandler(csrfHandler)
                        .accessDeniedHandler((exchange, denied) -> PageRefusals.formExpired()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((exchange, e) -> PageRefusals.notLoggedIn())
                        .accessDeniedHandler((exchange, denied) -> PageRefusals.notAllowed()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, e) -> PageRefusals.notLoggedIn())
                        .accessDeniedHandler((exchange, denied) -> PageRefusals.notAllowed()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/lettings/assets/**").permitAll()
                        .anyExchange().hasRole("LETTINGS"))
                .build();
    }

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.resourceServer(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/lettings/register").hasRole("LETTINGS")
                        .pathMatchers(HttpMethod.GET, "/api/v1/lettings/premises/match").hasRole("LETTINGS")
                        .pathMatchers("/api/v1/lettings/notices", "/api/v1/lettings/notices/**").hasRole("LETTINGS")
                        .anyExchange().denyAll())
                .build();
    }
}
