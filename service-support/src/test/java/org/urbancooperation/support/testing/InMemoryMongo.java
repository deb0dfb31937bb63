package org.urbancooperation.support.testing;

import java.net.InetSocketAddress;
import java.util.UUID;

import org.bson.UuidRepresentation;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A real Mongo wire-protocol server (mongo-java-server, memory backend) on a loopback port, one per
 * test JVM. Tests talk to it through the production driver; each test takes a fresh database.
 */
public final class InMemoryMongo {

    private static MongoServer server;
    private static String uri;
    private static MongoClient client;

    private InMemoryMongo() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            uri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return uri;
    }

    public static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(uri()))
                    .uuidRepresentation(UuidRepresentation.STANDARD)
                    .build());
        }
        return client;
    }

    /** A database no other test uses. */
    public static MongoDatabase freshDatabase() {
        return client().getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    public static String freshDatabaseName() {
        return "test_" + UUID.randomUUID().toString().replace("-", "");
    }
}
