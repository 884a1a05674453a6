package se.goteborg.vaksam.testsupport;

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
import reactor.netty.resources.LoopResources;

/**
 * Access tokens as identity issues them, signed with a test key whose public half a JWK set endpoint on loopback
 * serves: point {@code vaksam.security.issuer} at {@link #ISSUER} and {@code vaksam.security.jwk-set-uri} at
 * {@link #jwkSetUri()}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://vaksam.test";

    private static final RSAKey KEY = generate();

    /**
     * On event loops of its own: a service under test that shuts down may dispose Reactor Netty's global loops, and
     * the key set must outlive every service of the test JVM.
     */
    private static final DisposableServer JWKS = HttpServer.create()
            .runOn(LoopResources.create("test-tokens-jwks", 1, true))
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.get("/oauth2/jwks", (request, response) -> response
                    .header("Content-Type", "application/json")
                    .sendString(Mono.just(new JWKSet(KEY.toPublicJWK()).toString()))))
            .bindNow();

    private TestTokens() {
    }

    public static String jwkSetUri() {
        return "http://127.0.0.1:" + JWKS.port() + "/oauth2/jwks";
    }

    /** A recipient organisation's system, as identity's demo clients are set up. */
    public static String recipient(String clientId, String recipient) {
        return token(clientId, recipient, List.of(recipient.equals("LETTINGS_GROUP") ? "LETTINGS" : "RECIPIENT"));
    }

    /** The coordinators' demo client. */
    public static String coordinator() {
        return token("coordinator-demo", null, List.of("COORDINATOR"));
    }

    /** A token valid for 15 minutes; {@code recipient} may be null, for clients that are no recipient. */
    public static String token(String subject, String recipient, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .claim("roles", roles);
        if (recipient != null) {
            claims.claim("recipient", recipient);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
