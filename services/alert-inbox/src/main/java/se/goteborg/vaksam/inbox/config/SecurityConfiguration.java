package se.goteborg.vaksam.inbox.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import se.goteborg.vaksam.inbox.page.InboxPages;
import se.goteborg.vaksam.web.page.PageSecurity;
import se.goteborg.vaksam.web.security.VaksamJwtAuthenticationConverter;
import se.goteborg.vaksam.web.security.VaksamSecurity;

/**
 * Any valid token may reach the inbox API; which inbox it sees, and whether it sees anything, is decided by the
 * token's recipient claim in the handlers, so a token without one gets 403 there. Webhooks are managed by recipient
 * systems only: the role is required here, the organisation is again the token's recipient claim. The openings log is
 * for auditors.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The recipients' pages and the auditors' page, with the person's token as the gateway relays it (see
     * {@link PageSecurity#personPages}): the inbox pages for people with the recipient role (the handlers then
     * require a recipient claim, as the API does, so the lettings group sees its premises-only alerts), the openings
     * log for auditors; refusals are pages. The CSP allows nothing but the inbox's own style sheet.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain pages(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                 VaksamJwtAuthenticationConverter converter) {
        return PageSecurity.personPages(http, PageSecurity.NO_SCRIPT_CSP, InboxPages.PATH, jwtDecoder, converter)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, InboxPages.PATH + "/assets/**").permitAll()
                        .pathMatchers(InboxPages.AUDIT_PATH, InboxPages.AUDIT_PATH + "/**").hasRole("AUDITOR")
                        .anyExchange().hasRole(InboxPages.RECIPIENT_ROLE))
                .build();
    }

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.resourceServer(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/v1/alerts", "/api/v1/alerts/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/v1/audit/openings", "/api/v1/audit/openings.csv")
                        .hasRole("AUDITOR")
                        .pathMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasRole("RECIPIENT")
                        .anyExchange().denyAll())
                .build();
    }
}
