package se.goteborg.vaksam.gateway.routing;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells tip-intake, and only tip-intake, which address a request came from, as the right-most
 * {@code X-Forwarded-For} entry: its rate limits per client address would otherwise see every tipster as
 * the gateway. The address is the one this gateway was reached from, never what a client claims. Without
 * {@code trusted-proxies} the gateway drops every inbound {@code X-Forwarded-*} header and adds none, so this
 * adds the header then; with a trusted proxy in front, the gateway's own filter has already written it.
 */
@Component
class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	/** After the gateway's own filters, which drop or write {@code X-Forwarded-*} at order 0. */
	private static final int ORDER = 100;

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
		if (route == null || !RoutesConfiguration.TIP_INTAKE.equals(route.getId()) || peer == null
				|| input.containsHeader(FORWARDED_FOR)) {
			return input;
		}
		HttpHeaders updated = HttpHeaders.copyOf(input);
		updated.set(FORWARDED_FOR, peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString());
		return updated;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
