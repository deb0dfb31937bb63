import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Stores many partnerships fast for latency.sh's larger sizes, without a format of its own: one partnership made
 * through the API (the template, already applied by every consumer) is copied, in every database and collection
 * of the local stack that holds a document with the template's id as {@code _id} (partnership-service's aggregate,
 * each consumer's read model), with a fresh id written wherever the template's id was. So the copies are what the
 * services themselves wrote, and a new read model or field is copied too. Inserted in batches of 1,000.
 *
 * <pre>java -cp &lt;mongodb-driver-sync classpath&gt; DirectSeed.java &lt;mongoUri&gt; &lt;templateId&gt; &lt;copies&gt;</pre>
 */
public class DirectSeed {

    public static void main(String[] args) {
        String uri = args[0];
        String template = args[1];
        int copies = Integer.parseInt(args[2]);
        long started = System.nanoTime();
        try (MongoClient client = MongoClients.create(uri)) {
            List<MongoCollection<Document>> holders = new ArrayList<>();
            List<Document> templates = new ArrayList<>();
            for (String databaseName : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collectionName : database.listCollectionNames()) {
                    MongoCollection<Document> collection = database.getCollection(collectionName);
                    Document found = collection.find(Filters.eq("_id", template)).first();
                    if (found != null) {
                        holders.add(collection);
                        templates.add(found);
                        System.out.println("template in " + databaseName + "." + collectionName);
                    }
                }
            }
            if (holders.isEmpty()) {
                throw new IllegalStateException("no document with _id " + template + " in any collection");
            }
            int done = 0;
            while (done < copies) {
                int batch = Math.min(1000, copies - done);
                List<List<Document>> perCollection = new ArrayList<>();
                holders.forEach(h -> perCollection.add(new ArrayList<>(batch)));
                for (int i = 0; i < batch; i++) {
                    String id = UUID.randomUUID().toString();
                    for (int h = 0; h < holders.size(); h++) {
                        perCollection.get(h).add((Document) replace(templates.get(h), template, id));
                    }
                }
                for (int h = 0; h < holders.size(); h++) {
                    holders.get(h).insertMany(perCollection.get(h));
                }
                done += batch;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("copied the template %d times in %.1f s (%.0f/s)%n", copies, seconds, copies / seconds);
    }

    /** A deep copy with every string equal to (or containing) the template id rewritten to the new id. */
    static Object replace(Object value, String from, String to) {
        if (value instanceof Document document) {
            Document copy = new Document();
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                copy.put(entry.getKey(), replace(entry.getValue(), from, to));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(replace(item, from, to)));
            return copy;
        }
        if (value instanceof String text && text.contains(from)) {
            return text.replace(from, to);
        }
        return value;
    }
}
