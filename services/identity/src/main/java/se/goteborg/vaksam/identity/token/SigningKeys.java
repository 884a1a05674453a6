package se.goteborg.vaksam.identity.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key that signs access tokens: read from a PEM file (PKCS#8, {@code BEGIN PRIVATE KEY}) so
 * that tokens survive restarts, or generated at start-up. The key id is the key's RFC 7638
 * thumbprint, so the same key always has the same id.
 */
final class SigningKeys {

	private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String PEM_END = "-----END PRIVATE KEY-----";

	private SigningKeys() {
	}

	static RSAKey load(Path pemFile) {
		try {
			String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
			int begin = pem.indexOf(PEM_BEGIN);
			int end = pem.indexOf(PEM_END);
			if (begin < 0 || end < begin) {
				throw new IllegalArgumentException(
						"vaksam.identity.signing-key-path: expected a PKCS#8 PEM (" + PEM_BEGIN + ")");
			}
			byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey privateKey)) {
				throw new IllegalArgumentException("vaksam.identity.signing-key-path: not an RSA CRT private key");
			}
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			return withThumbprintId(new RSAKey.Builder(publicKey).privateKey(privateKey));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the signing key from vaksam.identity.signing-key-path", ex);
		}
	}

	static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			return withThumbprintId(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	private static RSAKey withThumbprintId(RSAKey.Builder builder) {
		try {
			return builder.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint()
				.build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot compute the signing key's thumbprint", ex);
		}
	}

}
