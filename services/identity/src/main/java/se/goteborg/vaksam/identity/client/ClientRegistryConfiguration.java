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
			@Value("${vaksam.demo.enabled:false}") boolean demo) {
		List<ClientDefinition> definitions = new ArrayList<>(properties.clients());
		if (demo) {
			definitions.addAll(DemoClients.definitions(properties.demoRedirectUris()));
		}
		List<RegisteredClient> clients = RegisteredClients.from(definitions, properties.accessTokenTtl());
		log.info("Registered {} OAuth2 clients ({} from configuration, demo clients {})", clients.size(),
				properties.clients().size(), demo ? "included" : "not included");
		if (clients.isEmpty()) {
			// The in-memory repository refuses an empty list, and an issuer without clients is still
			// useful for health checks and discovery.
			return new EmptyClientRepository();
		}
		return new InMemoryRegisteredClientRepository(clients);
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
