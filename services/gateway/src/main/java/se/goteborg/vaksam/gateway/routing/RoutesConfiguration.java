package se.goteborg.vaksam.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import se.goteborg.vaksam.gateway.login.PersonPages;

/**
 * The public path space and which service owns each part of it. Paths are forwarded unchanged, and
 * the original Host header is kept so that identity's redirects and every service's links name the
 * public base URL rather than the service's own address.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

	static final String TIP_INTAKE = "tip-intake";

	static final String REGISTER_IMPORT_API = "/api/v1/lettings/register";

	static final String REGISTER_IMPORT_PAGE = "/lettings/register";

	static final Duration REGISTER_IMPORT_TIMEOUT = Duration.ofMinutes(10);

	private static final Function<GatewayFilterSpec, UriSpec> PAGE_FILTERS = filters -> filters.preserveHostHeader()
		.removeRequestHeader(HttpHeaders.AUTHORIZATION)
		.tokenRelay();

	@Bean
	RouteLocator vaksamRoutes(RouteLocatorBuilder builder, ServiceUris uris) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		// People typing the bare address land on the intake start page, the public face of Vaksam.
		routes.route("start", route -> route.path("/").filters(filters -> filters.redirect(303, "/intake"))
			.uri("no://op"));
		// identity's own pages: the login with its second step (/login/code), and a person's second factor.
		route(routes, "identity", uris.identityUri(), "/oauth2/**", "/.well-known/**", "/login/**", "/logout",
				"/userinfo", "/connect/**", "/account/**");
		route(routes, TIP_INTAKE, uris.tipIntakeUri(), "/api/v1/tips/**", "/api/v1/receipts/**", "/intake/**",
				"/api/v1/openapi.yaml");
		// The whole register in one file: a hundred thousand rows take premises-risk a minute or two to check and
		// store, far beyond the time-out that suits every other request.
		routes.route("premises-risk-register-import", route -> route.method(HttpMethod.POST)
			.and()
			.path(REGISTER_IMPORT_API)
			.filters(filters -> filters.preserveHostHeader())
			.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, REGISTER_IMPORT_TIMEOUT.toMillis())
			.uri(uris.premisesRiskUri()));
		routes.route("premises-risk-register-import-page", route -> route.method(HttpMethod.POST)
			.and()
			.path(REGISTER_IMPORT_PAGE)
			.filters(PAGE_FILTERS)
			.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, REGISTER_IMPORT_TIMEOUT.toMillis())
			.uri(uris.premisesRiskUri()));
		route(routes, "premises-risk", uris.premisesRiskUri(), "/api/v1/lettings/**");
		pages(routes, "premises-risk-pages", uris.premisesRiskUri(), "/lettings/**");
		route(routes, "alert-routing", uris.alertRoutingUri(), "/api/v1/routing/**");
		route(routes, "alert-inbox", uris.alertInboxUri(), "/api/v1/alerts/**", "/api/v1/audit/**",
				"/api/v1/webhooks/**");
		pages(routes, "alert-inbox-pages", uris.alertInboxUri(), "/inbox/**");
		route(routes, "network-coordination", uris.networkCoordinationUri(), "/api/v1/network/**",
				"/api/v1/members/**");
		pages(routes, "network-coordination-pages", uris.networkCoordinationUri(), "/network/**");
		return routes.build();
	}

	private static void route(RouteLocatorBuilder.Builder routes, String service, URI uri, String... paths) {
		routes.route(service, route -> route.path(paths).filters(filters -> filters.preserveHostHeader()).uri(uri));
	}

	/**
	 * Pages of a service whose users log in ({@link PersonPages}): the request carries the logged-in person's
	 * access token, and only that. A token the browser sent itself is dropped first, so that it can never stand
	 * in for the login.
	 */
	private static void pages(RouteLocatorBuilder.Builder routes, String id, URI uri, String path) {
		if (!PersonPages.PATHS.contains(path)) {
			throw new IllegalStateException(path + " is not among the pages that need a login");
		}
		routes.route(id, route -> route.path(path).filters(PAGE_FILTERS).uri(uri));
	}

}
