package se.goteborg.vaksam.inbox.audit;

import java.time.Instant;

import se.goteborg.vaksam.events.common.Recipient;

/**
 * Which openings an auditor reads: every filter given must hold. An auditor of one organisation always has its
 * {@code recipient} set to that organisation, whatever was asked.
 *
 * @param from  opened at or after
 * @param to    opened before
 * @param limit at most this many, newest first
 */
record AuditQuery(Recipient recipient, String alertId, String tipId, String subject, Instant from, Instant to,
                  int limit) {
}
