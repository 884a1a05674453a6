package se.goteborg.vaksam.inbox.webhook;

import java.io.IOException;

/**
 * A webhook's host resolves to an address a webhook may not reach. The message names neither the host nor the
 * address, so the exception can be reported wherever it surfaces.
 */
final class ForbiddenAddressException extends IOException {

    ForbiddenAddressException() {
        super("The host resolves to an address webhooks may not reach");
    }
}
