package se.goteborg.vaksam.network.member;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TopicRecords;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;

/** A member's records on the member topic, as intake reads them through the registry. */
final class MemberRecords {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private MemberRecords() {
    }

    static List<Record<MemberChanged>> of(String memberId) {
        return TopicRecords.<MemberChanged>readAll(Topics.MEMBER_CHANGED.name(),
                        SerdeConfig.forRegistry(SchemaRegistryServer.shared().url())).stream()
                .filter(r -> memberId.equals(r.key()))
                .toList();
    }

    /** Waits until the member has at least {@code count} records, and returns them all. */
    static List<Record<MemberChanged>> await(String memberId, int count) {
        return Awaitility.await(count + " MemberChanged records for " + memberId).atMost(DEADLINE)
                .until(() -> of(memberId), records -> records.size() >= count);
    }
}
