package se.goteborg.vaksam.inbox.page;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;

/**
 * People as the gateway relays them to the inbox pages in the page slices: their access token, with the claims and
 * the authorities identity's demo users have.
 */
public final class PageUsers {

    public static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private PageUsers() {
    }

    public static JwtMutator socialChildrenWorker() {
        return person("social-children-worker", "SOCIAL_SERVICES_CHILDREN", "RECIPIENT");
    }

    public static JwtMutator policeOfficer() {
        return person("police-officer", "POLICE", "RECIPIENT");
    }

    public static JwtMutator lettingsOfficer() {
        return person("lettings-officer", "LETTINGS_GROUP", "RECIPIENT", "LETTINGS");
    }

    public static JwtMutator auditor() {
        return person("auditor", null, "AUDITOR");
    }

    public static JwtMutator coordinator() {
        return person("coordinator", null, "COORDINATOR");
    }

    /** A token with {@code roles} and, unless null, the {@code recipient} claim. */
    public static JwtMutator person(String subject, String recipient, String... roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : roles) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        if (recipient != null) {
            authorities.add(new SimpleGrantedAuthority("RECIPIENT_" + recipient));
        }
        return mockJwt().jwt(jwt -> {
            jwt.subject(subject).claim("roles", List.of(roles));
            if (recipient != null) {
                jwt.claim("recipient", recipient);
            }
        }).authorities(authorities);
    }
}
