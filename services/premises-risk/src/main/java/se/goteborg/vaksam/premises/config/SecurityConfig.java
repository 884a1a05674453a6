package se.goteborg.vaksam.premises.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

import se.goteborg.vaksam.premises.page.PageRefusals;
import se.goteborg.vaksam.web.security.VaksamJwtAuthenticationConverter;
import se.goteborg.vaksam.web.security.VaksamSecurity;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String PAGE_PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

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
        CookieServerCsrfTokenRepository csrfTokens = new CookieServerCsrfTokenRepository();
        csrfTokens.setCookiePath("/lettings");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        XorServerCsrfTokenRequestAttributeHandler csrfHandler = new XorServerCsrfTokenRequestAttributeHandler();
        csrfHandler.setTokenFromMultipartDataEnabled(true);
        return http.securityMatcher(new PathPatternParserServerWebExchangeMatcher("/lettings/**"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfHandler)
                        .accessDeniedHandler((exchange, denied) -> PageRefusals.formExpired()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((exchange, e) -> PageRefusals.notLoggedIn())
                        .accessDeniedHandler((exchange, denied) -> PageRefusals.notAllowed()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, e) -> PageRefusals.notLoggedIn())
                        .accessDeniedHandler((exchange, denied) -> PageRefusals.notAllowed()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
                        .contentTypeOptions(Customizer.withDefaults())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.mode(Mode.DENY))
                        .permissionsPolicy(permissions -> permissions.policy(PAGE_PERMISSIONS)))
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
