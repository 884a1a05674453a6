package se.goteborg.vaksam.intake.abuse;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which address a request came from. Behind the gateway every request comes from the gateway, which puts the
 * client's address in {@code X-Forwarded-For}: the right-most entry is believed, as anything left of it could only
 * be what a client chose to send. Without a gateway in front that header is the client's own invention, so it is
 * believed only when {@code vaksam.intake.trust-forwarded-for} says a gateway is there.
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** An IPv6 address with zone and port is well under this; anything longer is not an address. */
    private static final int MAX_LENGTH = 64;
    private static final String UNKNOWN = "unknown";

    private final boolean trustForwardedFor;

    ClientAddresses(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    String of(ServerHttpRequest request) {
        if (trustForwardedFor) {
            String forwarded = rightMost(request.getHeaders().get(FORWARDED_FOR));
            if (forwarded != null) {
                return forwarded;
            }
        }
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null) {
            return UNKNOWN;
        }
        return peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
    }

    private static String rightMost(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        String last = headers.get(headers.size() - 1);
        String entry = last.substring(last.lastIndexOf(',') + 1).strip();
        if (entry.isEmpty() || entry.length() > MAX_LENGTH) {
            return null;
        }
        return entry.toLowerCase(Locale.ROOT);
    }
}
