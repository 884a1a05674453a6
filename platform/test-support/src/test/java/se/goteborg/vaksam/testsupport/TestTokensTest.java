package se.goteborg.vaksam.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

class TestTokensTest {

    @Test
    void tokensVerifyAgainstTheServedKeySetAndCarryIdentitysClaims() throws Exception {
        HttpResponse<String> keySet = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(TestTokens.jwkSetUri())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(keySet.headers().firstValue("Content-Type")).contains("application/json");

        SignedJWT jwt = SignedJWT.parse(TestTokens.recipient("lettings-demo", "LETTINGS_GROUP"));
        var key = JWKSet.parse(keySet.body()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("lettings-demo");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("recipient")).isEqualTo("LETTINGS_GROUP");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("LETTINGS"));

        var coordinator = SignedJWT.parse(TestTokens.coordinator()).getJWTClaimsSet();
        assertThat(coordinator.getClaim("recipient")).isNull();
        assertThat(coordinator.getStringListClaim("roles")).isEqualTo(List.of("COORDINATOR"));
    }
}
