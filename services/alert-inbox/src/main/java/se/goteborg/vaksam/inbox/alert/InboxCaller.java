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
     * The lettings group gets premises and category only, never what the reporter wrote or how to reach them; the
     * other recipients see details when their token carries the recipient role.
     */
    static InboxCaller of(VaksamCaller caller) {
        Recipient recipient = caller.recipient()
                .flatMap(code -> Arrays.stream(Recipient.values()).filter(r -> r.name().equals(code)).findFirst())
                .orElseThrow(InboxCaller::forbidden);
        return new InboxCaller(recipient, caller.subject(), mayOpenDetails(recipient, caller.hasRole(RECIPIENT_ROLE)));
    }

    static boolean mayOpenDetails(Recipient recipient, boolean hasRecipientRole) {
        return recipient != Recipient.LETTINGS_GROUP && hasRecipientRole;
    }

    /** Whether an alert routed to this recipient may keep its sealed details at all. */
    static boolean mayReceiveDetails(Recipient recipient) {
        return recipient != Recipient.LETTINGS_GROUP;
    }

    private static ResponseStatusException forbidden() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, "The token does not name a recipient organisation.");
    }
}
