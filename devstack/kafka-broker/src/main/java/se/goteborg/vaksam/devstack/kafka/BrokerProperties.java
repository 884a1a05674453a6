package se.goteborg.vaksam.devstack.kafka;

import java.util.Properties;

/** The server.properties of a single-node KRaft cluster: one process is both broker and controller. */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private BrokerProperties() {
    }

    static Properties of(BrokerSettings settings) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + settings.controllerPort());
        props.put("listeners", "PLAINTEXT://localhost:" + settings.port()
                + "," + CONTROLLER_LISTENER + "://localhost:" + settings.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + settings.port());
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", settings.logDir().toString());
        // Topics are declared in code and created explicitly; a typo in a topic name must fail, not create a topic.
        props.put("auto.create.topics.enable", "false");
        // One node: every replication factor and ISR minimum that defaults to 3 or 2 would make writes fail.
        props.put("min.insync.replicas", "1");
        props.put("default.replication.factor", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions make the first consumer group and the first transaction start faster on a laptop.
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.num.partitions", "10");
        // Services join their groups one by one as they start; waiting for more members only delays the first poll.
        props.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's default 128 MB de-duplication buffer would be most of a small heap; compacted dev topics are tiny.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return props;
    }
}
