package se.goteborg.vaksam.inbox.alert;

import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.web.security.VaksamCaller;

/**
 * The caller as the inbox sees it: the recipient organisation whose inbox the token opens (its {@code recipient}
 * claim, never a parameter of the request), the client id that acts, and whether it may see sealed details.
 */
record InboxCaller(Recipient recipient, String subject, boolean mayOpenDetails) {

    static final String RECIPIENT_ROLE = "RECIPIENT";

    static Mono<InboxCaller> current() {
        return VaksamCaller.current()
                .switchIfEmpty(Mono.error(() -> forbidden()))
                .map(InboxCaller::of);
    }

    /**
     * Details open only for a token with the recipient role, and then only the fields the recipient's role needs
     * ({@link DetailsPolicy}): the lettings group never sees what the reporter wrote or how to reach them.
     */
    static InboxCaller of(VaksamCaller caller) {
        Recipient recipient = caller.recipient()
                .flatMap(code -> Arrays.stream(Recipient.values()).filter(r -> r.name().equals(code)).findFirst())
                .orElseThrow(InboxCaller::forbidden);
        return new InboxCaller(recipient, caller.subject(), mayOpenDetails(recipient, caller.hasRole(RECIPIENT_ROLE)));
    }

    static boolean mayOpenDetails(Recipient recipient, boolean hasRecipientRole) {
        return hasRecipientRole && DetailsPolicy.mayReceiveDetails(recipient);
    }

    private static ResponseStatusException forbidden() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, "The token does not name a recipient organisation.");
    }
}
