package se.goteborg.vaksam.inbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.netty.util.concurrent.GlobalEventExecutor;

import se.goteborg.vaksam.platform.events.Backoff;

class EndpointRulesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest
    @ValueSource(strings = {"https://receiver.example.org/hooks/vaksam", "https://receiver.example.org:8443/h?k=v",
            "HTTPS://Receiver.Example.org", "https://[2001:db8::1]/hook"})
    void wellFormedHttpsUrlsPass(String url) {
        assertThat(EndpointRules.formProblem(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://receiver.example.org/hook | must be an https URL",
            "ftp://receiver.example.org/hook | must be an https URL",
            "receiver.example.org/hook | must be an https URL",
            "https://user:password@receiver.example.org/hook | must not hold a user name or password",
            "https://user@receiver.example.org/hook | must not hold a user name or password",
            "https://receiver.example.org/hook#part | must not have a fragment",
            "https:///hook | must name a host",
            "https://receiver_example.org/hook | must name a host",
            "https://receiver.example.org:99999/hook | has a port out of range",
            "https://receiver.example.org/a hook | is not a valid URL",
            "https://receiver.example.org\\@evil.example/ | is not a valid URL"})
    void otherUrlsAreRefusedSayingWhy(String url, String problem) {
        assertThat(EndpointRules.formProblem(url)).contains(problem);
    }

    @Test
    void urlsLongerThan2000CharactersAreRefused() {
        String prefix = "https://receiver.example.org/";
        assertThat(EndpointRules.formProblem(prefix + "a".repeat(2000 - prefix.length()))).isEmpty();
        assertThat(EndpointRules.formProblem(prefix + "a".repeat(2001 - prefix.length())))
                .contains("must be at most 2000 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.1.2.3", "100.64.0.1", "100.127.255.255", "127.0.0.1",
            "127.255.0.9", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.168.1.1",
            "198.18.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:0a00:0001::1"})
    void addressesOfTheInboxsOwnNetworkAreForbidden(String address) throws UnknownHostException {
        assertThat(EndpointRules.isForbidden(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
            "192.0.1.1", "192.169.0.1", "198.20.0.1", "223.255.255.255", "2001:4860:4860::8888", "2a00:1450::1",
            "64:ff9b::808:808", "2002:0808:0808::1"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(EndpointRules.isForbidden(InetAddress.getByName(address))).as(address).isFalse();
    }

    @Test
    void aHostResolvingToLoopbackIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> rules().permittedAddresses("localhost").block(WAIT))
                .hasCauseInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> rules().permittedAddresses("[::1]").block(WAIT))
                .hasCauseInstanceOf(ForbiddenAddressException.class);

        assertThat(rules("LocalHost").permittedAddresses("localhost").block(WAIT))
                .isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        // Allowing a name allows that name only, not the addresses it stands for.
        assertThatThrownBy(() -> rules("localhost").permittedAddresses("127.0.0.1").block(WAIT))
                .hasCauseInstanceOf(ForbiddenAddressException.class);
    }

    @Test
    void aHostThatDoesNotResolveIsReportedAsUnknown() {
        assertThatThrownBy(() -> rules().permittedAddresses("no-such-host.invalid").block(WAIT))
                .hasCauseInstanceOf(UnknownHostException.class);
    }

    @Test
    void theClientsResolverChecksEveryConnectionEvenToAnAddressGivenAsLiteral()
            throws InterruptedException, UnknownHostException {
        var resolver = new GuardedResolverGroup(rules("localhost")).getResolver(GlobalEventExecutor.INSTANCE);

        // Reactor Netty hands over an IP literal as an address resolved already, without a host name.
        var literal = resolver.resolve(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 443))
                .await();
        assertThat(literal.cause()).isInstanceOf(ForbiddenAddressException.class);
        var named = resolver.resolveAll(InetSocketAddress.createUnresolved("localhost", 8443)).await();
        assertThat(named.getNow()).isNotEmpty()
                .allSatisfy(address -> assertThat(address.getPort()).isEqualTo(8443))
                .allSatisfy(address -> assertThat(address.isUnresolved()).isFalse());
    }

    @Test
    void theClientsResolverRefusesAPrivateAddressOfAName() throws InterruptedException {
        var resolver = new GuardedResolverGroup(rules()).getResolver(GlobalEventExecutor.INSTANCE);

        assertThat(resolver.resolve(InetSocketAddress.createUnresolved("localhost", 443)).await().cause())
                .isInstanceOf(ForbiddenAddressException.class);
    }

    static EndpointRules rules(String... allowedPrivateHosts) {
        return new EndpointRules(new WebhookProperties(List.of(allowedPrivateHosts), null, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(1), 10, 16, 2, 20,
                new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 10)));
    }
}
