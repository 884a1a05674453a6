package se.goteborg.vaksam.inbox.page;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.page.PageRefusals;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.security.VaksamCaller;

/**
 * What every inbox page shares: where the pages live, the model their layout expects and the pages that only say
 * something (refusals, errors).
 */
public final class InboxPages {

    public static final String PATH = "/inbox";
    public static final String AUDIT_PATH = PATH + "/audit";
    public static final String RECIPIENT_ROLE = "RECIPIENT";
    public static final String AUDITOR_ROLE = "AUDITOR";

    private InboxPages() {
    }

    /**
     * The model every inbox template expects (see {@link PageResponses#personModel}), with {@code organisation} (the
     * person's recipient code, for the header) and which of the pages the navigation offers them:
     * {@code mayReadInbox}, {@code mayAudit}.
     */
    public static Mono<Map<String, Object>> model(ServerRequest request, String switchPath) {
        return PageResponses.personModel(request, switchPath).flatMap(page -> VaksamCaller.current().map(caller -> {
            page.put("organisation", caller.recipient().orElse(null));
            page.put("mayReadInbox", caller.hasRole(RECIPIENT_ROLE) && caller.recipient().isPresent());
            page.put("mayAudit", caller.hasRole(AUDITOR_ROLE));
            return page;
        }).defaultIfEmpty(page));
    }

    /** A page that only says something: {@code message.<key>.title} and {@code .text}. */
    public static Mono<ServerResponse> message(ServerRequest request, HttpStatus status, String key) {
        return PageResponses.message(model(request, PATH), status, "inbox/message", key);
    }

    /** The page for an error raised before or by a page handler: a refusal says why, anything else by status. */
    static Mono<ServerResponse> error(ServerRequest request, HttpStatus status, Throwable error) {
        return message(request, status, PageRefusals.messageKey(status, error));
    }
}
