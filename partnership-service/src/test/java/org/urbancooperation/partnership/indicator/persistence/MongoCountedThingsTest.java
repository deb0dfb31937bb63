package org.urbancooperation.partnership.indicator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.urbancooperation.partnership.indicator.application.CountedThings;
import org.urbancooperation.partnership.indicator.domain.CountedThing;
import org.urbancooperation.partnership.indicator.domain.CountedThing.Kind;
import org.urbancooperation.partnership.indicator.domain.IndicatorMeasure;
import org.urbancooperation.support.testing.InMemoryMongo;

import com.mongodb.client.MongoDatabase;

/** The latest state per thing on mongo-java-server, and the counts made from those states. */
class MongoCountedThingsTest {

    private final MongoDatabase database = InMemoryMongo.freshDatabase();
    private final MongoCountedThings things = new MongoCountedThings(database);
    private final UUID essenKoriyama = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void onlyNewerVersionsChangeAThingsState() {
        UUID event = UUID.randomUUID();
        CountedThing held = CountedThing.happened(Kind.COOPERATION_EVENT, event, List.of(essenKoriyama));
        CountedThing cancelled = CountedThing.takenBack(Kind.COOPERATION_EVENT, event, List.of(essenKoriyama));

        assertThat(things.record(cancelled, 4)).as("a cancellation before the held").isTrue();
        assertThat(things.record(held, 3)).as("the held, overtaken").isFalse();
        assertThat(things.count(essenKoriyama, IndicatorMeasure.COOPERATION_EVENTS_HELD)).isZero();
        assertThat(things.record(cancelled, 4)).as("a redelivery").isFalse();
        assertThat(database.getCollection("indicator_counted_things").countDocuments()).isEqualTo(1);
        assertThat(things.record(held, 5)).as("held again later").isTrue();
        assertThat(things.count(essenKoriyama, IndicatorMeasure.COOPERATION_EVENTS_HELD)).isEqualTo(1);
    }

    @Test
    void countsAreByPartnershipAndMeasure() {
        things.record(CountedThing.happened(Kind.COOPERATION_EVENT, UUID.randomUUID(), List.of(essenKoriyama, other)), 1);
        things.record(CountedThing.happened(Kind.COOPERATION_EVENT, UUID.randomUUID(), List.of(essenKoriyama)), 1);
        things.record(CountedThing.takenBack(Kind.COOPERATION_EVENT, UUID.randomUUID(), List.of(essenKoriyama)), 2);
        things.record(CountedThing.happened(Kind.REGISTRATION, UUID.randomUUID(), List.of(other)), 1);
        Document byHand = new Document("_id", "x");
        database.getCollection("unrelated").insertOne(byHand);

        assertThat(things.count(essenKoriyama, IndicatorMeasure.COOPERATION_EVENTS_HELD)).isEqualTo(2);
        assertThat(things.count(other, IndicatorMeasure.COOPERATION_EVENTS_HELD)).isEqualTo(1);
        assertThat(things.count(other, IndicatorMeasure.PARTICIPANTS_REGISTERED)).isEqualTo(1);
        assertThat(things.count(essenKoriyama, IndicatorMeasure.PARTICIPANTS_REGISTERED)).isZero();
        assertThat(things.countAll()).isEqualTo(Map.of(
                new CountedThings.Key(essenKoriyama, IndicatorMeasure.COOPERATION_EVENTS_HELD), 2L,
                new CountedThings.Key(other, IndicatorMeasure.COOPERATION_EVENTS_HELD), 1L,
                new CountedThings.Key(other, IndicatorMeasure.PARTICIPANTS_REGISTERED), 1L));
    }
}
