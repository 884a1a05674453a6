package se.goteborg.vaksam.gateway.routing;

import java.net.URI;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public path space and which service owns each part of it. Paths are forwarded unchanged, and
 * the original Host header is kept so that identity's redirects and every service's links name the
 * public base URL rather than the service's own address.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

	static final String TIP_INTAKE = "tip-intake";

	@Bean
	RouteLocator vaksamRoutes(RouteLocatorBuilder builder, ServiceUris uris) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		// People typing the bare address land on the intake start page, the public face of Vaksam.
		routes.route("start", route -> route.path("/").filters(filters -> filters.redirect(303, "/intake"))
			.uri("no://op"));
		route(routes, "identity", uris.identityUri(), "/oauth2/**", "/.well-known/**", "/login/**", "/logout",
				"/userinfo", "/connect/**");
		route(routes, TIP_INTAKE, uris.tipIntakeUri(), "/api/v1/tips/**", "/api/v1/receipts/**", "/intake/**",
				"/api/v1/openapi.yaml");
		route(routes, "premises-risk", uris.premisesRiskUri(), "/api/v1/lettings/**", "/lettings/**");
		route(routes, "alert-routing", uris.alertRoutingUri(), "/api/v1/routing/**");
		route(routes, "alert-inbox", uris.alertInboxUri(), "/api/v1/alerts/**", "/inbox/**");
		route(routes, "network-coordination", uris.networkCoordinationUri(), "/api/v1/network/**",
				"/api/v1/members/**", "/network/**");
		return routes.build();
	}

	private static void route(RouteLocatorBuilder.Builder routes, String service, URI uri, String... paths) {
		routes.route(service, route -> route.path(paths).filters(filters -> filters.preserveHostHeader()).uri(uri));
	}

}
