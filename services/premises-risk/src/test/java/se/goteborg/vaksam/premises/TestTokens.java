package se.goteborg.vaksam.premises;

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

/** Access tokens as identity issues them, signed by a key whose JWK set a local endpoint serves. */
final class TestTokens {

    static final String ISSUER = "http://vaksam.test";

    private static final RSAKey KEY;
    private static final DisposableServer JWKS;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyID("premises-risk-test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        JWKS = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/oauth2/jwks", (request, response) -> response
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just(new JWKSet(KEY.toPublicJWK()).toString()))))
                .bindNow();
    }

    private TestTokens() {
    }

    static String jwkSetUri() {
        return "http://127.0.0.1:" + JWKS.port() + "/oauth2/jwks";
    }

    static String token(String client, String recipient, List<String> roles) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(client)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", roles);
        if (recipient != null) {
            claims.claim("recipient", recipient);
        }
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
