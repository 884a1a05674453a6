package se.goteborg.vaksam.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

	@TempDir
	Path dir;

	@Test
	void aPemKeyLoadsWithAStableThumbprintId() throws IOException, JOSEException {
		RSAKey generated = SigningKeys.generate();
		Path pem = this.dir.resolve("key.pem");
		Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(generated.toPrivateKey().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n");

		RSAKey first = SigningKeys.load(pem);
		RSAKey second = SigningKeys.load(pem);

		assertThat(first.getKeyID()).isEqualTo(generated.getKeyID()).isEqualTo(second.getKeyID());
		assertThat(first.toRSAPublicKey()).isEqualTo(generated.toRSAPublicKey());
		assertThat(first.isPrivate()).isTrue();
	}

	@Test
	void somethingElseThanPkcs8IsRefused() throws IOException {
		Path pem = this.dir.resolve("cert.pem");
		Files.writeString(pem, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

		assertThatThrownBy(() -> SigningKeys.load(pem)).hasMessageContaining("PKCS#8");
	}

}
