package se.goteborg.vaksam.identity.client;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import se.goteborg.vaksam.identity.config.IdentityProperties;

@Configuration(proxyBeanMethods = false)
class ClientRegistryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClientRegistryConfiguration.class);

	@Bean
	RegisteredClientRepository registeredClientRepository(IdentityProperties properties,
			@Value("${vaksam.demo.enabled:false}") boolean demo,
			@Value("${vaksam.security.issuer:http://localhost:8080}") String publicBaseUrl) {
		List<ClientDefinition> definitions = new ArrayList<>(properties.clients());
		if (demo) {
			definitions.addAll(DemoClients.definitions());
		}
		List<RegisteredClient> clients = new ArrayList<>(
				RegisteredClients.from(definitions, properties.accessTokenTtl()));
		String gatewaySecret = gatewaySecret(properties, demo);
		if (gatewaySecret != null) {
			clients.add(RegisteredClients.gateway(gatewaySecret, publicBaseUrl, properties.accessTokenTtl(),
					properties.refreshTokenTtl()));
		}
		else {
			log.warn("No vaksam.identity.gateway-client-secret: nobody can log in through the browser");
		}
		clients = RegisteredClients.unique(clients);
		log.info("Registered {} OAuth2 clients ({} from configuration, demo clients {}, browser logins {})",
				clients.size(), properties.clients().size(), demo ? "included" : "not included",
				gatewaySecret != null ? "through the gateway" : "off");
		if (clients.isEmpty()) {
			// The in-memory repository refuses an empty list, and an issuer without clients is still
			// useful for health checks and discovery.
			return new EmptyClientRepository();
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	private static String gatewaySecret(IdentityProperties properties, boolean demo) {
		String configured = properties.gatewayClientSecret();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return demo ? GatewayClient.DEMO_SECRET : null;
	}

	private static final class EmptyClientRepository implements RegisteredClientRepository {

		@Override
		public void save(RegisteredClient registeredClient) {
			throw new UnsupportedOperationException("Clients are configured, not saved");
		}

		@Override
		public RegisteredClient findById(String id) {
			return null;
		}

		@Override
		public RegisteredClient findByClientId(String clientId) {
			return null;
		}

	}

}
