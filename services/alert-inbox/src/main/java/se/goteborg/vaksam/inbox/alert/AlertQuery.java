package se.goteborg.vaksam.inbox.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

import se.goteborg.vaksam.events.common.Priority;

/**
 * Which of a recipient's alerts to list: every filter given must hold; {@code null} or empty filters are not applied.
 *
 * @param statuses   the alert is in one of these states
 * @param priorities its priority (the one the recipient works to) is one of these
 * @param overdue    whether it is past its acknowledgement deadline unacknowledged
 * @param escalated  whether routing has escalated it
 * @param minAge     it came at least this long ago
 * @param maxAge     it came at most this long ago
 * @param since      it came after this instant, for systems that fetch what is new since their last call
 * @param limit      at most this many, newest first
 */
record AlertQuery(Set<AlertState> statuses, Set<Priority> priorities, Boolean overdue, Boolean escalated,
                  Duration minAge, Duration maxAge, Instant since, int limit) {

    static final int DEFAULT_LIMIT = 100;

    static AlertQuery all(int limit) {
        return new AlertQuery(Set.of(), Set.of(), null, null, null, null, null, limit);
    }

    Bson filter(Instant now) {
        List<Bson> filters = new ArrayList<>();
        if (!statuses.isEmpty()) {
            filters.add(Filters.in(AlertDocuments.STATE, statuses.stream().map(Enum::name).sorted().toList()));
        }
        if (!priorities.isEmpty()) {
            filters.add(Filters.in(AlertDocuments.PRIORITY, priorities.stream().map(Enum::name).sorted().toList()));
        }
        if (overdue != null) {
            Date at = Date.from(now);
            filters.add(overdue
                    ? Filters.and(Filters.eq(AlertDocuments.STATE, AlertState.NEW.name()),
                            Filters.lt(AlertDocuments.ACKNOWLEDGE_BY, at))
                    : Filters.or(Filters.ne(AlertDocuments.STATE, AlertState.NEW.name()),
                            Filters.gte(AlertDocuments.ACKNOWLEDGE_BY, at),
                            Filters.eq(AlertDocuments.ACKNOWLEDGE_BY, null)));
        }
        if (escalated != null) {
            filters.add(Filters.exists(AlertDocuments.ESCALATED_AT, escalated));
        }
        if (minAge != null) {
            filters.add(Filters.lte(AlertDocuments.CREATED_AT, Date.from(now.minus(minAge))));
        }
        if (maxAge != null) {
            filters.add(Filters.gte(AlertDocuments.CREATED_AT, Date.from(now.minus(maxAge))));
        }
        if (since != null) {
            filters.add(Filters.gt(AlertDocuments.CREATED_AT, Date.from(since)));
        }
        return filters.isEmpty() ? Filters.empty() : Filters.and(filters);
    }
}
