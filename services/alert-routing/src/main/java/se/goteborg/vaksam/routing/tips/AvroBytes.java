package se.goteborg.vaksam.routing.tips;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.bson.types.Binary;

/** Keeps received events whole in the routing document, as Avro binary, so alerts can be built from them later. */
final class AvroBytes {

    private AvroBytes() {
    }

    static Binary encode(SpecificRecord value) {
        try {
            var out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(value.getSchema()).write(value, encoder);
            encoder.flush();
            return new Binary(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <V extends SpecificRecord> V decode(Binary bytes, Class<V> type) {
        if (bytes == null) {
            return null;
        }
        try {
            return new SpecificDatumReader<>(type).read(null, DecoderFactory.get().binaryDecoder(bytes.getData(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
