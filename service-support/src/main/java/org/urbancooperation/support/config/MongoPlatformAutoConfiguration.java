package org.urbancooperation.support.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.urbancooperation.support.mongo.MongoPingHealthIndicator;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * The service's own database: from {@code spring.mongodb.database}, else the database in
 * {@code MONGODB_URI}, else the service name, so that services sharing one server never share data.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class,
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class MongoPlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties,
            @Value("${spring.application.name}") String serviceName) {
        String name = properties.getDatabase();
        if (name == null) {
            name = new ConnectionString(properties.determineUri()).getDatabase();
        }
        return client.getDatabase(name == null ? serviceName.replace('-', '_') : name);
    }

    /**
     * Fail fast while the database is unreachable: the driver's defaults wait 30 s for a server and 10 s
     * for a connection, longer than the gateway waits for an answer (it then says 504, and the caller
     * never learns that a retry would do). With 2 s each the service answers 503 with Retry-After instead
     * (see ProblemDetailsAdvice), and readiness goes DOWN within 2 s. {@code ucp.mongo.*} in
     * service-defaults.properties (env {@code UCP_MONGO_SERVER_SELECTION_TIMEOUT}, {@code
     * UCP_MONGO_CONNECT_TIMEOUT}); {@code serverSelectionTimeoutMS} or {@code connectTimeoutMS} in
     * {@code MONGODB_URI} win over both. The driver reconnects by itself when the server is back.
     *
     * <p>A server that accepted the connection and then stops answering (hung, paused, a half-open connection
     * after a network fault) would hold a request forever with the driver's default of no read timeout: 5 s
     * ({@code UCP_MONGO_READ_TIMEOUT}, {@code socketTimeoutMS} in the URI wins), under the gateway's 10 s, so
     * the caller gets this service's 503 rather than the gateway's 504. Every query here is a point lookup or a
     * bounded page, far below it.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer ucpMongoTimeouts(MongoProperties properties,
            @Value("${ucp.mongo.server-selection-timeout:2s}") Duration serverSelectionTimeout,
            @Value("${ucp.mongo.connect-timeout:2s}") Duration connectTimeout,
            @Value("${ucp.mongo.read-timeout:5s}") Duration readTimeout) {
        ConnectionString uri = new ConnectionString(properties.determineUri());
        return settings -> {
            if (uri.getServerSelectionTimeout() == null) {
                settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS));
            }
            if (uri.getConnectTimeout() == null) {
                settings.applyToSocketSettings(socket -> socket.connectTimeout(
                        (int) connectTimeout.toMillis(), TimeUnit.MILLISECONDS));
            }
            if (uri.getSocketTimeout() == null) {
                settings.applyToSocketSettings(socket -> socket.readTimeout(
                        (int) readTimeout.toMillis(), TimeUnit.MILLISECONDS));
            }
        };
    }

    /** Named like Boot's own indicator so that one is not created; the readiness group includes "mongo". */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new MongoPingHealthIndicator(database);
    }
}
