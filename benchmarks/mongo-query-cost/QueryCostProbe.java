import static com.mongodb.client.model.Filters.*;
import java.util.*;
import org.bson.Document;
import org.bson.conversions.Bson;
import com.mongodb.client.*;
import com.mongodb.client.model.*;
/**
 * What one query costs on mongo-java-server as the collection grows, by the shape of its filter:
 * it answers through an index only when the query's fields are exactly the keys of a unique index,
 * and scans the collection otherwise. See docs/benchmarks.md, "Outbox relay as data grows".
 *
 * Usage (from service-support, after the classpath step of docs/benchmarks.md):
 *   java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath):$H2_JARS" \
 *     ../benchmarks/mongo-query-cost/QueryCostProbe.java memory|h2 <documents>
 */
public class QueryCostProbe {
  public static void main(String[] a) {
    de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(a[0].equals("h2")
        ? de.bwaldvogel.mongo.backend.h2.H2Backend.inMemory() : new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
    server.bind("127.0.0.1", 0);
    java.net.InetSocketAddress address = server.getLocalAddress();
    MongoCollection<Document> c = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())
        .getDatabase("probe").getCollection("x");
    int n = Integer.parseInt(a[1]);
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) docs.add(new Document("_id", "id-" + i).append("version", 1L).append("outbox", List.of()).append("pad", "x".repeat(300)));
    c.insertMany(docs);
    c.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
    c.createIndex(Indexes.ascending("_id", "outboxLease.round"), new IndexOptions().unique(true));
    c.updateOne(new Document("_id", "id-5"), Updates.set("outboxLease", new Document("owner","o").append("round","r1")));
    System.out.println("cas null on leased: " + c.updateOne(new Document("_id", "id-5").append("outboxLease.round", null), Updates.set("q",1)).getMatchedCount());
    System.out.println("cas r1 on leased: " + c.updateOne(new Document("_id", "id-5").append("outboxLease.round", "r1"), Updates.set("q",1)).getMatchedCount());
    System.out.println("cas null on free: " + c.updateOne(new Document("_id", "id-6").append("outboxLease.round", null), Updates.set("q",1)).getMatchedCount());
    System.out.println("version cas wrong: " + c.updateOne(new Document("_id", "id-6").append("version", 2L), Updates.set("q",1)).getMatchedCount());
    System.out.println("version cas right: " + c.updateOne(new Document("_id", "id-6").append("version", 1L), Updates.set("q",1)).getMatchedCount());
    Map<String, Runnable> qs = new LinkedHashMap<>();
    Random r = new Random();
    qs.put("updateOne flat {_id,version} uniq idx", () -> c.updateOne(new Document("_id", "id-" + r.nextInt(n)).append("version", 1L), Updates.set("y", 1)));
    qs.put("fOAU flat {_id,lease.round:null} uniq idx", () -> c.findOneAndUpdate(new Document("_id", "id-" + r.nextInt(n)).append("outboxLease.round", null), Updates.set("y", 2)));
    qs.put("find {_id:{$in:10}}", () -> { List<String> ids = new ArrayList<>(); for (int i=0;i<10;i++) ids.add("id-"+r.nextInt(n)); c.find(new Document("_id", new Document("$in", ids))).into(new ArrayList<>()); });
    qs.put("updateMany {_id:{$in:10}}", () -> { List<String> ids = new ArrayList<>(); for (int i=0;i<10;i++) ids.add("id-"+r.nextInt(n)); c.updateMany(new Document("_id", new Document("$in", ids)), Updates.set("z", 1)); });
    qs.put("bulk updateOne {_id} x10", () -> { List<UpdateOneModel<Document>> m = new ArrayList<>(); for (int i=0;i<10;i++) m.add(new UpdateOneModel<>(new Document("_id", "id-"+r.nextInt(n)), Updates.pullByFilter(new Document("outbox", new Document("eventId", new Document("$in", List.of("a"))))))); c.bulkWrite(m); });
    qs.put("find eq _id", () -> c.find(eq("_id", "id-" + r.nextInt(n))).first());
    qs.put("find and(eq _id, exists)", () -> c.find(and(eq("_id", "id-" + r.nextInt(n)), exists("outboxSince"))).first());
    qs.put("find flat doc", () -> c.find(new Document("_id", "id-" + r.nextInt(n)).append("outboxSince", new Document("$exists", true))).first());
    qs.put("updateOne and(eq _id, eq version)", () -> c.updateOne(and(eq("_id", "id-" + r.nextInt(n)), eq("version", 1L)), Updates.set("y", 1)));
    qs.put("updateOne and(eq _id, ne pids) upsert", () -> c.updateOne(and(eq("_id", "id-" + r.nextInt(n)), ne("pids", "e")), Updates.set("y", 1), new UpdateOptions().upsert(true)));
    qs.put("fOAU and(eq _id, exists, or)", () -> c.findOneAndUpdate(and(eq("_id", "id-" + r.nextInt(n)), exists("outboxSince"), or(exists("lease", false), lt("lease.until", new Date()))), Updates.set("lease", new Document("until", new Date()))));
    qs.put("updateMany in _id (10)", () -> { List<String> ids = new ArrayList<>(); for (int i=0;i<10;i++) ids.add("id-"+r.nextInt(n)); c.updateMany(and(in("_id", ids), exists("zz", false)), Updates.unset("zz")); });
    qs.put("countDocuments eq _id", () -> c.countDocuments(eq("_id", "id-" + r.nextInt(n))));
    qs.put("find exists outboxSince (scan)", () -> c.find(exists("outboxSince")).limit(10).into(new ArrayList<>()));
    for (var e : qs.entrySet()) {
      for (int i = 0; i < 20; i++) e.getValue().run();
      long t = System.nanoTime(); int k = 100;
      for (int i = 0; i < k; i++) e.getValue().run();
      System.out.printf("%s n=%d %-45s %.3f ms%n", a[0], n, e.getKey(), (System.nanoTime() - t) / 1e6 / k);
    }
    System.exit(0);
  }
}
