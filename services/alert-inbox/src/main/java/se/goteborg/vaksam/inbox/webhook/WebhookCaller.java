package se.goteborg.vaksam.inbox.webhook;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.web.security.VaksamCaller;

/**
 * The organisation whose webhooks a request manages: the token's {@code recipient} claim, never a parameter of the
 * request; and the client that acts, for the record.
 */
record WebhookCaller(Recipient recipient, String subject) {

    static Mono<WebhookCaller> current() {
        return VaksamCaller.current()
                .flatMap(caller -> Mono.justOrEmpty(of(caller)))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "The token does not name a recipient organisation.")));
    }

    static Optional<WebhookCaller> of(VaksamCaller caller) {
        return caller.recipient()
                .flatMap(code -> Arrays.stream(Recipient.values()).filter(r -> r.name().equals(code)).findFirst())
                .map(recipient -> new WebhookCaller(recipient, caller.subject()));
    }
}
