package org.urbancooperation.partnership.indicator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.urbancooperation.support.testing.InMemoryMongo;

import com.mongodb.client.MongoDatabase;

class MongoPartnershipDirectoryTest {

    private final MongoDatabase database = InMemoryMongo.freshDatabase();
    private final MongoPartnershipDirectory directory = new MongoPartnershipDirectory(database);

    @Test
    void readsTheMembersAndTheStatusWhereThereIsOne() {
        UUID before = UUID.randomUUID();
        UUID suspended = UUID.randomUUID();
        database.getCollection("partnerships").insertMany(List.of(
                new Document("_id", before.toString()).append("name", "Essen - Koriyama")
                        .append("partnerOrganisations", List.of("city-of-essen", "city-of-koriyama")),
                new Document("_id", suspended.toString()).append("status", "SUSPENDED")
                        .append("partnerOrganisations", List.of("city-of-essen"))));

        assertThat(directory.find(before).orElseThrow().partnerOrganisations())
                .containsExactly("city-of-essen", "city-of-koriyama");
        assertThat(directory.find(before).orElseThrow().status()).isEmpty();
        assertThat(directory.find(suspended).orElseThrow().status()).isEqualTo(Optional.of("SUSPENDED"));
        assertThat(directory.find(UUID.randomUUID())).isEmpty();
    }
}
