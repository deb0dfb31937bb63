package org.urbancooperation.support.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
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

    /** Named like Boot's own indicator so that one is not created; the readiness group includes "mongo". */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new MongoPingHealthIndicator(database);
    }
}
