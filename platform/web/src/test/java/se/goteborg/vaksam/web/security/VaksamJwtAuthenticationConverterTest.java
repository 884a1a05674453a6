package se.goteborg.vaksam.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class VaksamJwtAuthenticationConverterTest {

	private final VaksamJwtAuthenticationConverter converter = new VaksamJwtAuthenticationConverter();

	@Test
	void rolesRecipientAndScopesBecomeAuthorities() {
		Jwt jwt = jwt().claim("recipient", "LETTINGS_GROUP")
			.claim("roles", List.of("RECIPIENT", "LETTINGS"))
			.claim("scope", "alerts.read")
			.build();

		assertThat(this.converter.convert(jwt).block().getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_RECIPIENT", "ROLE_LETTINGS", "RECIPIENT_LETTINGS_GROUP",
					"SCOPE_alerts.read");
	}

	@Test
	void callerWithoutRecipientOrRoles() {
		VaksamCaller caller = VaksamCaller.of(jwt().build());

		assertThat(caller.subject()).isEqualTo("some-client");
		assertThat(caller.recipient()).isEmpty();
		assertThat(caller.roles()).isEmpty();
		assertThat(this.converter.authorities(jwt().build())).isEmpty();
	}

	@Test
	void callerReadsRecipientAndRoles() {
		VaksamCaller caller = VaksamCaller.of(jwt().claim("recipient", "POLICE").claim("roles", List.of("RECIPIENT")).build());

		assertThat(caller.recipient()).contains("POLICE");
		assertThat(caller.hasRole("RECIPIENT")).isTrue();
		assertThat(caller.hasRole("COORDINATOR")).isFalse();
	}

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("some-client")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
	}

}
