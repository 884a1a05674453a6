package se.goteborg.vaksam.web;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A signing key, a JWK set endpoint serving its public half, and tokens signed with it. */
public final class TestTokens {

	public static final String ISSUER = "http://vaksam.test";

	private static final RSAKey KEY = generate("test-key");

	private static final RSAKey OTHER_KEY = generate("test-key");

	private static final DisposableServer JWKS = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route(routes -> routes.get("/oauth2/jwks",
				(request, response) -> response.header("Content-Type", "application/json")
					.sendString(Mono.just(new JWKSet(KEY.toPublicJWK()).toString()))))
		.bindNow();

	private TestTokens() {
	}

	public static String jwkSetUri() {
		return "http://127.0.0.1:" + JWKS.port() + "/oauth2/jwks";
	}

	public static String token(String subject, String recipient, List<String> roles) {
		return sign(KEY, ISSUER, subject, recipient, roles, Instant.now().plusSeconds(900));
	}

	public static String tokenFromIssuer(String issuer) {
		return sign(KEY, issuer, "police-demo", "POLICE", List.of("RECIPIENT"), Instant.now().plusSeconds(900));
	}

	public static String expiredToken() {
		return sign(KEY, ISSUER, "police-demo", "POLICE", List.of("RECIPIENT"), Instant.now().minusSeconds(3600));
	}

	public static String tokenSignedByAnotherKey() {
		return sign(OTHER_KEY, ISSUER, "police-demo", "POLICE", List.of("RECIPIENT"), Instant.now().plusSeconds(900));
	}

	private static String sign(RSAKey key, String issuer, String subject, String recipient, List<String> roles,
			Instant expiry) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.issueTime(Date.from(expiry.minusSeconds(900)))
			.expirationTime(Date.from(expiry))
			.claim("roles", roles);
		if (recipient != null) {
			claims.claim("recipient", recipient);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey generate(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
