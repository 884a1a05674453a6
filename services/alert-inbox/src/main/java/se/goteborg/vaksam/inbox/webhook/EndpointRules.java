package se.goteborg.vaksam.inbox.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where a webhook may point. The form of the URL is checked at registration; the addresses its host resolves to are
 * checked at registration and again at every connection ({@link GuardedResolverGroup}), since DNS can change after a
 * check. A host that resolves to any address of the inbox's own network (loopback, private, link-local, shared,
 * multicast, unspecified or reserved) is refused, unless it is named in {@code allowed-private-hosts}: otherwise a
 * recipient's token could make the inbox probe or call services behind its firewall.
 */
@Component
class EndpointRules {

    static final int MAX_URL_LENGTH = 2000;

    /** The JVM's resolver has its own time-outs; this bounds the whole look-up of all addresses. */
    static final Duration LOOKUP_LIMIT = Duration.ofSeconds(10);

    private static final List<Block> FORBIDDEN_V4 = Block.all("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "224.0.0.0/4", "240.0.0.0/4");

    private static final List<Block> FORBIDDEN_V6 = Block.all("::/128", "::1/128", "fc00::/7", "fe80::/10",
            "fec0::/10", "ff00::/8");

    /**
     * IPv6 forms that carry an IPv4 address, which is then what is reached, with the offset of its four bytes
     * (IPv4-compatible, NAT64, 6to4). IPv4-mapped addresses need no entry: the JVM turns them into IPv4 addresses.
     */
    private static final List<Embedding> EMBEDDED_V4 = List.of(new Embedding(Block.of("::/96"), 12),
            new Embedding(Block.of("64:ff9b::/96"), 12), new Embedding(Block.of("2002::/16"), 2));

    private final Set<String> allowedPrivateHosts;

    EndpointRules(WebhookProperties properties) {
        this.allowedPrivateHosts = properties.allowedPrivateHosts().stream().map(EndpointRules::normalised)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** What is wrong with the URL's form, without looking its host up; empty when nothing is. */
    static Optional<String> formProblem(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not hold a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getPort() > 65535) {
            return Optional.of("has a port out of range");
        }
        return Optional.empty();
    }

    /**
     * The addresses of the host; fails with {@link ForbiddenAddressException} when any of them is one a webhook may
     * not reach, and with {@link UnknownHostException} when there are none. The look-up blocks, so it runs on a
     * thread meant for that, never on the caller's event loop.
     */
    Mono<List<InetAddress>> permittedAddresses(String host) {
        return Mono.fromCallable(() -> check(host))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(LOOKUP_LIMIT, Mono.error(() -> new UnknownHostException("The host look-up took too long")));
    }

    private List<InetAddress> check(String host) throws UnknownHostException, ForbiddenAddressException {
        String name = normalised(host);
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(name));
        if (!allowedPrivateHosts.contains(name) && addresses.stream().anyMatch(EndpointRules::isForbidden)) {
            throw new ForbiddenAddressException();
        }
        return addresses;
    }

    static boolean isForbidden(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return FORBIDDEN_V4.stream().anyMatch(range -> range.contains(bytes));
        }
        if (FORBIDDEN_V6.stream().anyMatch(range -> range.contains(bytes))) {
            return true;
        }
        return EMBEDDED_V4.stream().filter(embedding -> embedding.range().contains(bytes))
                .anyMatch(embedding -> {
                    byte[] v4 = Arrays.copyOfRange(bytes, embedding.offset(), embedding.offset() + 4);
                    return FORBIDDEN_V4.stream().anyMatch(range -> range.contains(v4));
                });
    }

    /** Host names compare without case, brackets of IPv6 literals or (for the allowed list) surrounding space. */
    private static String normalised(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    private record Embedding(Block range, int offset) {
    }

    /** An address block in CIDR notation. */
    private record Block(byte[] prefix, int bits) {

        static List<Block> all(String... cidrs) {
            return Arrays.stream(cidrs).map(Block::of).toList();
        }

        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an address block: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
