package se.goteborg.vaksam.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import reactor.core.publisher.Mono;

/**
 * Maps a Vaksam access token to authorities: each role to {@code ROLE_<role>} (so
 * {@code hasRole("RECIPIENT")} works), the recipient claim to {@code RECIPIENT_<code>}, and scopes
 * to {@code SCOPE_<scope>} as usual. The principal name is the token's subject (the client id for
 * client credentials).
 */
public class VaksamJwtAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject()));
	}

	public Collection<GrantedAuthority> authorities(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>(this.scopes.convert(jwt));
		VaksamCaller caller = VaksamCaller.of(jwt);
		caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		caller.recipient()
			.ifPresent(recipient -> authorities
				.add(new SimpleGrantedAuthority(VaksamClaims.RECIPIENT_AUTHORITY_PREFIX + recipient)));
		return authorities;
	}

}
