package se.goteborg.vaksam.gateway.routing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells tip-intake, and only tip-intake, which address a request came from, as the only
 * {@code X-Forwarded-For} entry: its rate limits per client address would otherwise see every tipster as
 * the gateway. The address is the peer this gateway was reached from, unless that peer is a proxy listed in
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} (an ingress controller, say): then it is the
 * right-most entry of the inbound {@code X-Forwarded-For} that is not such a proxy. Whatever a client writes
 * further left is never believed.
 */
@Component
class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	/** After the gateway's own filters (order 0), which drop or rewrite {@code X-Forwarded-*}. */
	private static final int ORDER = 100;

	private final Pattern trustedProxies;

	ClientAddressHeadersFilter(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
		this.trustedProxies = trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null || !RoutesConfiguration.TIP_INTAKE.equals(route.getId())) {
			return input;
		}
		String client = clientAddress(exchange);
		HttpHeaders updated = HttpHeaders.copyOf(input);
		if (client == null) {
			updated.remove(FORWARDED_FOR);
		}
		else {
			updated.set(FORWARDED_FOR, client);
		}
		return updated;
	}

	private String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
		if (peer == null) {
			return null;
		}
		String address = peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
		List<String> forwarded = exchange.getRequest().getHeaders().get(FORWARDED_FOR);
		if (!isTrusted(address) || forwarded == null) {
			return address;
		}
		List<String> hops = forwarded.stream().flatMap(value -> List.of(value.split(",")).stream())
			.map(String::strip)
			.filter(hop -> !hop.isEmpty())
			.toList();
		for (int i = hops.size() - 1; i >= 0; i--) {
			if (!isTrusted(hops.get(i))) {
				return hops.get(i);
			}
		}
		return address;
	}

	private boolean isTrusted(String address) {
		return this.trustedProxies != null && this.trustedProxies.matcher(address).matches();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
