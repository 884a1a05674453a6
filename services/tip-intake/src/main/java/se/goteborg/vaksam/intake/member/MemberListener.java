package se.goteborg.vaksam.intake.member;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.platform.events.Listeners;

/**
 * Keeps the members projection in step with the compacted member topic. It reads the topic from the start on every
 * assignment, so the projection rebuilds itself if the store was lost; upserts make the replay harmless.
 */
@Component
class MemberListener implements ConsumerSeekAware {

    static final String GROUP = "tip-intake-members";

    private final MemberRepository members;

    MemberListener(MemberRepository members) {
        this.members = members;
    }

    @KafkaListener(id = GROUP, topics = "vaksam.member.changed.v1")
    void on(MemberChanged event) {
        Listeners.handle(members.upsert(event));
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToBeginning(assignments.keySet());
    }
}
