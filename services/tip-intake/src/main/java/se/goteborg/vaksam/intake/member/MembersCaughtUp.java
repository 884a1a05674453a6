package se.goteborg.vaksam.intake.member;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.platform.events.Topics;

/**
 * Intake is ready only once its members projection has read the member topic to the end: before that, a member's
 * valid key would be refused. Once caught up it stays up; later member changes arrive within moments.
 */
@Component
class MembersCaughtUp implements ReactiveHealthIndicator, DisposableBean {

    private final ObjectProvider<KafkaAdmin> kafkaAdmin;
    private volatile AdminClient admin;
    private volatile boolean caughtUp;

    /** Takes a provider because slice tests run intake without Kafka; then there is nothing to catch up with. */
    MembersCaughtUp(ObjectProvider<KafkaAdmin> kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    public Mono<Health> health() {
        if (caughtUp) {
            return Mono.just(Health.up().build());
        }
        if (kafkaAdmin.getIfAvailable() == null) {
            return Mono.just(Health.unknown().build());
        }
        return Mono.defer(this::lag)
                .map(lag -> {
                    caughtUp = lag == 0;
                    return caughtUp ? Health.up().build()
                            : Health.down().withDetail("memberEventsBehind", lag).build();
                })
                .onErrorResume(e -> Mono.just(Health.down().withDetail("members", e.getClass().getSimpleName()).build()));
    }

    private Mono<Long> lag() {
        AdminClient client = admin();
        String topic = Topics.MEMBER_CHANGED.name();
        return Mono.fromCompletionStage(client.describeTopics(java.util.List.of(topic)).allTopicNames().toCompletionStage())
                .map(topics -> topics.get(topic).partitions().stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest())))
                .flatMap(latest -> Mono.fromCompletionStage(client.listOffsets(latest).all().toCompletionStage()))
                .zipWith(Mono.fromCompletionStage(client.listConsumerGroupOffsets(MemberListener.GROUP)
                        .partitionsToOffsetAndMetadata().toCompletionStage()))
                .map(ends -> behind(ends.getT1(), ends.getT2()));
    }

    private static long behind(Map<TopicPartition, ListOffsetsResultInfo> ends,
                               Map<TopicPartition, OffsetAndMetadata> committed) {
        return ends.entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata done = committed.get(end.getKey());
            return Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
        }).sum();
    }

    private AdminClient admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = AdminClient.create(kafkaAdmin.getObject().getConfigurationProperties());
                }
            }
        }
        return admin;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
