package se.goteborg.vaksam.intake.bulletin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every bulletin members may still be shown, each in its latest state. An entry is replaced only by a newer state
 * (a later {@code changedAt}), so replays and redeliveries change nothing; entries past their expiry are dropped, as
 * nobody is shown them again. A withdrawn bulletin keeps its entry until then, so that an older record of it,
 * replayed, cannot show it again.
 */
record Board(List<BoardEntry> entries) {

    static final Board EMPTY = new Board(List.of());

    Board {
        entries = List.copyOf(entries);
    }

    /** The board with this state of a bulletin and without what has expired; this same board if nothing changed. */
    Board with(BoardEntry changed, Instant now) {
        List<BoardEntry> next = new ArrayList<>();
        boolean known = false;
        for (BoardEntry entry : entries) {
            if (entry.bulletinId().equals(changed.bulletinId())) {
                known = true;
                next.add(changed.changedAt().isAfter(entry.changedAt()) ? changed : entry);
            } else {
                next.add(entry);
            }
        }
        if (!known) {
            next.add(changed);
        }
        next.removeIf(entry -> entry.expired(now));
        return next.equals(entries) ? this : new Board(next);
    }
}
