package se.goteborg.vaksam.identity.twofactor;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;

/** Who must use a second factor ({@link TwoFactorProperties#requiredRoles()}). */
public final class TwoFactorPolicy {

	private final boolean everyone;

	private final Set<String> roleAuthorities;

	TwoFactorPolicy(List<String> requiredRoles) {
		this.everyone = requiredRoles.contains(TwoFactorProperties.EVERYONE);
		this.roleAuthorities = Set.copyOf(requiredRoles.stream()
			.filter(role -> !TwoFactorProperties.EVERYONE.equals(role))
			.map(role -> "ROLE_" + role)
			.toList());
	}

	/** The policy as configured, or by default every person outside the demo and nobody in it. */
	static TwoFactorPolicy of(TwoFactorProperties properties, boolean demo) {
		if (properties.requiredRoles() != null) {
			return new TwoFactorPolicy(properties.requiredRoles().stream().filter(role -> !role.isBlank()).toList());
		}
		return new TwoFactorPolicy(demo ? List.of() : List.of(TwoFactorProperties.EVERYONE));
	}

	public boolean requires(Collection<? extends GrantedAuthority> authorities) {
		return this.everyone || authorities.stream().map(GrantedAuthority::getAuthority).anyMatch(this.roleAuthorities::contains);
	}

	@Override
	public String toString() {
		return this.everyone ? "every person" : this.roleAuthorities.isEmpty() ? "nobody" : "people with " + this.roleAuthorities;
	}

}
