package se.goteborg.vaksam.intake.bulletin;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.bulletin.BulletinChanged;
import se.goteborg.vaksam.platform.events.Listeners;

/**
 * Keeps the bulletins projection in step with the compacted bulletin topic. It reads the topic from the start on
 * every assignment, so the projection rebuilds itself if the store was lost; only newer states replace older ones,
 * so the replay is harmless.
 */
@Component
class BulletinListener implements ConsumerSeekAware {

    static final String GROUP = "tip-intake-bulletins";

    private final BulletinBoard board;

    BulletinListener(BulletinBoard board) {
        this.board = board;
    }

    @KafkaListener(id = GROUP, topics = "vaksam.bulletin.changed.v1")
    void on(BulletinChanged event) {
        Listeners.handle(board.upsert(event));
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToBeginning(assignments.keySet());
    }
}
