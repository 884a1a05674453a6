package se.goteborg.vaksam.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressHeadersFilterTest {

	private static final String PROXIES = "10\\.0\\.\\d+\\.\\d+";

	@Test
	void withoutTrustedProxiesThePeerIsTheClientWhateverItClaims() {
		var filter = new ClientAddressHeadersFilter("");

		assertThat(forwardedFor(filter, "tip-intake", "198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
		assertThat(forwardedFor(filter, "tip-intake", "198.51.100.7", null)).isEqualTo("198.51.100.7");
	}

	@Test
	void behindATrustedProxyTheRightMostUntrustedEntryIsTheClient() {
		var filter = new ClientAddressHeadersFilter(PROXIES);

		assertThat(forwardedFor(filter, "tip-intake", "10.0.0.5", "203.0.113.1, 198.51.100.7, 10.0.0.4"))
			.isEqualTo("198.51.100.7");
		assertThat(forwardedFor(filter, "tip-intake", "10.0.0.5", null)).isEqualTo("10.0.0.5");
		// A client that is not a proxy cannot make itself one.
		assertThat(forwardedFor(filter, "tip-intake", "198.51.100.8", "203.0.113.1")).isEqualTo("198.51.100.8");
	}

	@Test
	void otherServicesAreNotTold() {
		var filter = new ClientAddressHeadersFilter("");

		assertThat(forwardedFor(filter, "alert-inbox", "198.51.100.7", null)).isNull();
	}

	private static String forwardedFor(ClientAddressHeadersFilter filter, String routeId, String peer,
			String inbound) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/tips/hotel")
			.remoteAddress(new InetSocketAddress(peer, 50000));
		if (inbound != null) {
			request.header("X-Forwarded-For", inbound);
		}
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
					Route.async().id(routeId).uri("http://127.0.0.1:1").predicate(e -> true).build());
		HttpHeaders headers = new HttpHeaders();
		return filter.filter(headers, exchange).getFirst("X-Forwarded-For");
	}

}
