package se.goteborg.vaksam.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

	private final SecretCipher cipher = SecretCipher.fromKeyset(SecretCipher.generateKeyset());

	@Test
	void aSealedSecretOpensForItsOwnAccountOnly() {
		byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

		byte[] sealed = this.cipher.seal(secret, "police-duty");

		assertThat(sealed).isNotEqualTo(secret).hasSizeGreaterThan(secret.length);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("1234567890");
		assertThat(this.cipher.open(sealed, "police-duty")).isEqualTo(secret);
		assertThatThrownBy(() -> this.cipher.open(sealed, "mika-worker")).hasMessageContaining("does not open");
	}

	@Test
	void anotherKeysetCannotOpenIt() {
		byte[] sealed = this.cipher.seal(new byte[20], "police-duty");
		SecretCipher other = SecretCipher.fromKeyset(SecretCipher.generateKeyset());

		assertThatThrownBy(() -> other.open(sealed, "police-duty")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void somethingElseThanAKeysetIsRefusedWithoutRepeatingIt() {
		assertThatThrownBy(() -> SecretCipher.fromKeyset("{\"not\":\"a keyset\"}"))
			.hasMessageContaining("not a Tink JSON AEAD keyset")
			.hasMessageNotContaining("a keyset\"");
	}

}
