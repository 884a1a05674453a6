package se.goteborg.vaksam.network.figures;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.network.member.MemberDirectory;
import se.goteborg.vaksam.platform.events.Listeners;

/**
 * Takes from each submitted tip only its codes and day ({@link TipFact}), and the member's type from the register:
 * a tip of a member the register does not know (yet) is counted with the type {@value Codes#UNKNOWN} rather than
 * lost. Its consumer group is named after {@code vaksam.network.figures.consumer}, as the alerts' are.
 */
@Component
class TipFactsListener {

    static final String CONSUMER = "${vaksam.network.figures.consumer:network-coordination}-tips";

    private final TipFactsRepository facts;
    private final MemberDirectory members;

    TipFactsListener(TipFactsRepository facts, MemberDirectory members) {
        this.facts = facts;
        this.members = members;
    }

    @KafkaListener(id = CONSUMER, topics = "vaksam.tip.submitted.v1")
    void on(TipSubmitted tip) {
        Listeners.handle(members.find(tip.getMemberId())
                .map(member -> member.type().name())
                .defaultIfEmpty(Codes.UNKNOWN)
                .flatMap(type -> facts.record(TipFact.of(tip, type))));
    }
}
