package se.goteborg.vaksam.inbox.webhook;

import java.net.InetSocketAddress;
import java.util.List;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * The webhook client's resolver: every connection's host is looked up and checked by {@link EndpointRules} right
 * before connecting, so the address that is checked is the address that is connected to, however DNS changed since
 * the webhook was registered.
 */
final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final EndpointRules rules;

    GuardedResolverGroup(EndpointRules rules) {
        this.rules = rules;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new GuardedResolver(executor, rules);
    }

    static final class GuardedResolver extends AbstractAddressResolver<InetSocketAddress> {

        private final EndpointRules rules;

        GuardedResolver(EventExecutor executor, EndpointRules rules) {
            super(executor, InetSocketAddress.class);
            this.rules = rules;
        }

        /** Reactor Netty hands over IP literals already resolved; they must be checked all the same. */
        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return false;
        }

        @Override
        protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
            rules.permittedAddresses(address.getHostString())
                    .subscribe(all -> promise.trySuccess(new InetSocketAddress(all.get(0), address.getPort())),
                            promise::tryFailure);
        }

        @Override
        protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
            rules.permittedAddresses(address.getHostString())
                    .map(all -> all.stream().map(ip -> new InetSocketAddress(ip, address.getPort())).toList())
                    .subscribe(promise::trySuccess, promise::tryFailure);
        }
    }
}
