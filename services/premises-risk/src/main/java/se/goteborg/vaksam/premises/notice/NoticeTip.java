package se.goteborg.vaksam.premises.notice;

import java.time.Instant;

/** One tip in a notice: when, from which channel, and how surely it concerns the premises. */
public record NoticeTip(String tipId, String channel, Instant observedAt, Instant assessedAt, String match,
                        double confidence) {
}
