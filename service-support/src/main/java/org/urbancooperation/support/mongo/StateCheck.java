package org.urbancooperation.support.mongo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.Document;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * A fingerprint of an aggregate document's state and version, written in the same update as the state: a read whose
 * fields do not match it is torn. mongo-java-server applies an update's fields one by one to the stored document, so
 * a read racing a write can return the new version with older fields; a write conditioned on that version would then
 * store a state computed from stale fields, a lost update without any error. MongoDB never returns such a read, and
 * there the check always holds.
 *
 * <p>Stored as {@code {h: <64-bit checksum>, k: [the state's field names]}}: one field, replaced whole, so a read sees
 * one write's check, and it names its fields because a {@code $set} leaves fields the new state no longer has.
 */
final class StateCheck {

    static final String FIELD = "stateCheck";

    private StateCheck() {
    }

    /** The check of a state about to be written at {@code version}. */
    static Document of(Document state, long version, CodecRegistry codecs) {
        List<String> keys = new ArrayList<>(state.keySet());
        keys.remove(AggregateStore.ID);
        keys.sort(null);
        return new Document("h", checksum(state, keys, version, codecs)).append("k", keys);
    }

    /** True when the read document is one write's state: the check matches, or it was written before checks existed. */
    static boolean holds(Document read, CodecRegistry codecs) {
        Document check = read.get(FIELD, Document.class);
        if (check == null) {
            return true;
        }
        List<String> keys = check.getList("k", String.class);
        long version = ((Number) read.get(AggregateStore.VERSION)).longValue();
        return check.getLong("h") == checksum(read, keys, version, codecs);
    }

    private static long checksum(Document document, List<String> keys, long version, CodecRegistry codecs) {
        // The values as BSON, in key order: the same bytes for the document written and the document read back.
        BsonDocument values = document.toBsonDocument(BsonDocument.class, codecs);
        BsonDocument canonical = new BsonDocument(AggregateStore.VERSION, new BsonInt64(version));
        for (String key : keys) {
            BsonValue value = values.get(key);
            canonical.append("f:" + key, value == null ? new BsonString("\u0000absent") : value);
        }
        ByteBuffer bytes = new RawBsonDocument(canonical, new BsonDocumentCodec()).getByteBuffer().asNIO();
        CRC32C high = new CRC32C();
        high.update(bytes.duplicate());
        CRC32 low = new CRC32();
        low.update(bytes.duplicate());
        return (high.getValue() << 32) | low.getValue();
    }
}
