package se.goteborg.vaksam.identity.twofactor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The second factor's parts, unless {@code vaksam.identity.two-factor.enabled=false}. Enrolments live in identity's
 * own database (the {@code vaksam.mongo.*} settings every service has), through the synchronous driver: identity
 * runs on servlet threads. The secrets are sealed with the configured keyset; without one identity does not start,
 * except in the demo.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "vaksam.identity.two-factor.enabled", matchIfMissing = true)
class TwoFactorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorConfiguration.class);

	@Bean(destroyMethod = "close")
	MongoClient identityMongoClient(@Value("${vaksam.mongo.uri:mongodb://localhost:27017}") String uri) {
		return MongoClients.create(uri);
	}

	@Bean
	EnrolmentStore enrolmentStore(MongoClient client,
			@Value("${vaksam.mongo.database:${spring.application.name}}") String database) {
		return new MongoEnrolmentStore(client.getDatabase(database));
	}

	@Bean
	TwoFactorService twoFactorService(EnrolmentStore store, TwoFactorProperties properties, Clock clock,
			@Value("${vaksam.demo.enabled:false}") boolean demo) {
		SecretCipher cipher = SecretCipher.fromKeyset(keyset(properties, demo));
		return new TwoFactorService(store, cipher, clock, properties, new SecureRandom());
	}

	@Bean
	TwoFactorPolicy twoFactorPolicy(TwoFactorProperties properties, @Value("${vaksam.demo.enabled:false}") boolean demo) {
		TwoFactorPolicy policy = TwoFactorPolicy.of(properties, demo);
		log.info("A second factor is required of {}", policy);
		return policy;
	}

	@Bean
	SecondFactorSession secondFactorSession(Clock clock) {
		return new SecondFactorSession(clock);
	}

	@Bean
	@ConditionalOnBooleanProperty("vaksam.demo.enabled")
	ApplicationRunner demoTwoFactorPerson(TwoFactorService twoFactor) {
		return arguments -> {
			twoFactor.seed(DemoTwoFactor.ENROLLED_PERSON, DemoTwoFactor.secret());
			log.warn("Demo: {} logs in with the password and a code of the public demo secret (README)",
					DemoTwoFactor.ENROLLED_PERSON);
		};
	}

	static String keyset(TwoFactorProperties properties, boolean demo) {
		boolean inline = properties.keyset() != null && !properties.keyset().isBlank();
		if (inline && properties.keysetFile() != null) {
			throw new IllegalStateException(
					"Set either vaksam.identity.two-factor.keyset or vaksam.identity.two-factor.keyset-file, not both");
		}
		if (inline) {
			return properties.keyset();
		}
		if (properties.keysetFile() != null) {
			try {
				return Files.readString(properties.keysetFile(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(
						"vaksam.identity.two-factor.keyset-file cannot be read: " + properties.keysetFile(), ex);
			}
		}
		if (demo) {
			log.warn("Sealing two-factor secrets with the repository's DEMO keyset because vaksam.demo.enabled=true: "
					+ "it protects nothing. Never enable the demo in production.");
			return demoKeyset();
		}
		throw new IllegalStateException("No two-factor keyset: set vaksam.identity.two-factor.keyset "
				+ "(VAKSAM_IDENTITY_TWO_FACTOR_KEYSET, a Tink JSON AEAD keyset) or ...keyset-file, generated with "
				+ TwoFactorKeysetGenerator.class.getName() + " (README); or turn the second factor off with "
				+ "vaksam.identity.two-factor.enabled=false");
	}

	private static String demoKeyset() {
		try (InputStream in = TwoFactorConfiguration.class.getClassLoader()
			.getResourceAsStream(DemoTwoFactor.KEYSET_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Demo keyset missing from the classpath: " + DemoTwoFactor.KEYSET_RESOURCE);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
