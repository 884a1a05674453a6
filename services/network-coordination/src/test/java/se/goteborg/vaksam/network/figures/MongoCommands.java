package se.goteborg.vaksam.network.figures;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import se.goteborg.vaksam.testsupport.MongoStore;

/**
 * The service's store client with a command listener, so that tests see every query and update the service sends:
 * mongo-java-server answers from its {@code _id} index only a filter on {@code _id} alone, and scans the collection
 * for any other.
 */
@TestConfiguration(proxyBeanMethods = false)
class MongoCommands {

    /** A command's collection and the filters it selects documents by. */
    record Command(String name, String collection, List<BsonDocument> filters) {

        boolean byIdOnly() {
            return filters.stream().allMatch(filter -> filter.keySet().equals(Set.of("_id")));
        }
    }

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    @Bean(destroyMethod = "close")
    MongoClient recordingMongoClient() {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                switch (event.getCommandName()) {
                    case "find", "count" -> add(event, command.getString(event.getCommandName()).getValue(),
                            List.of(command.getDocument("filter", new BsonDocument())));
                    case "update" -> add(event, command.getString("update").getValue(), command.getArray("updates")
                            .stream().map(BsonValue::asDocument).map(u -> u.getDocument("q")).toList());
                    case "findAndModify" -> add(event, command.getString("findAndModify").getValue(),
                            List.of(command.getDocument("query", new BsonDocument())));
                    case "delete" -> add(event, command.getString("delete").getValue(), command.getArray("deletes")
                            .stream().map(BsonValue::asDocument).map(d -> d.getDocument("q")).toList());
                    default -> {
                    }
                }
            }
        };
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoStore.uri()))
                .addCommandListener(listener)
                .build());
    }

    /** Keeps copies: the event's documents are read from a buffer the driver reuses. */
    private void add(CommandStartedEvent event, String collection, List<BsonDocument> filters) {
        commands.add(new Command(event.getCommandName(), collection,
                filters.stream().map(BsonDocument::clone).toList()));
    }

    List<Command> since(int mark) {
        return List.copyOf(commands.subList(mark, commands.size()));
    }

    int mark() {
        return commands.size();
    }
}
