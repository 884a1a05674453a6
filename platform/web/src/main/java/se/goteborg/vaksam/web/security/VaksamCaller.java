package se.goteborg.vaksam.web.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import reactor.core.publisher.Mono;

/**
 * Who is calling, as stated by a Vaksam access token: the subject (client id or user name), the
 * recipient organisation when the caller acts for one, and the roles.
 *
 * <pre>{@code
 * VaksamCaller.current()
 *     .flatMap(caller -> caller.recipient()
 *         .map(inbox::alertsFor)
 *         .orElseGet(() -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN))));
 * }</pre>
 */
public final class VaksamCaller {

	private final String subject;

	private final String recipient;

	private final Set<String> roles;

	private VaksamCaller(String subject, String recipient, Set<String> roles) {
		this.subject = subject;
		this.recipient = recipient;
		this.roles = roles;
	}

	public static VaksamCaller of(Jwt jwt) {
		String recipient = jwt.getClaimAsString(VaksamClaims.RECIPIENT);
		List<String> roles = jwt.hasClaim(VaksamClaims.ROLES) ? jwt.getClaimAsStringList(VaksamClaims.ROLES)
				: List.of();
		return new VaksamCaller(jwt.getSubject(), (recipient == null || recipient.isBlank()) ? null : recipient,
				Set.copyOf(new LinkedHashSet<>(roles)));
	}

	/** The caller of the current request; empty when the request was not authenticated by a JWT. */
	public static Mono<VaksamCaller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.flatMap(authentication -> Mono.justOrEmpty(from(authentication)));
	}

	public static Optional<VaksamCaller> from(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(of(token.getToken()));
		}
		return Optional.empty();
	}

	public String subject() {
		return this.subject;
	}

	/** The recipient code from the {@code recipient} claim (e.g. {@code POLICE}), if any. */
	public Optional<String> recipient() {
		return Optional.ofNullable(this.recipient);
	}

	public Set<String> roles() {
		return this.roles;
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VaksamCaller that && this.subject.equals(that.subject)
				&& Objects.equals(this.recipient, that.recipient) && this.roles.equals(that.roles);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.subject, this.recipient, this.roles);
	}

	@Override
	public String toString() {
		return "VaksamCaller[subject=" + this.subject + ", recipient=" + this.recipient + ", roles=" + this.roles
				+ "]";
	}

}
