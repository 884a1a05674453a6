package se.goteborg.vaksam.platform.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Events waiting to be published, kept inside the document of the aggregate that raised them, so storing the
 * aggregate and its events is one single-document atomic write (no transactions needed). {@link OutboxRelay} sends
 * them and removes each one once the broker has it.
 */
public final class Outbox {

    /** The field of the owning document that holds the pending events, oldest first. */
    public static final String FIELD = "outbox";

    private Outbox() {
    }

    /** A pending event, as stored in the owning document's {@value #FIELD} array. */
    public static <V extends SpecificRecord> Document entry(Topic<String, V> topic, String key, V value) {
        return new Document("id", UUID.randomUUID().toString())
                .append("topic", topic.name())
                .append("key", key)
                .append("type", value.getClass().getName())
                .append("payload", new Binary(encode(value)));
    }

    public static List<Document> entries(Document owner) {
        return owner.getList(FIELD, Document.class, List.of());
    }

    static SpecificRecord value(Document entry) {
        try {
            Class<?> type = Class.forName(entry.getString("type"));
            var reader = new SpecificDatumReader<SpecificRecord>(SpecificData.get().getSchema(type));
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(entry.get("payload", Binary.class).getData(), null);
            return reader.read(null, decoder);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Unknown event type in outbox: " + entry.getString("type"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(SpecificRecord value) {
        try {
            var out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(value.getSchema()).write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
