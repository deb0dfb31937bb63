package org.urbancooperation.matching.api;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.support.testing.ServiceContractTest;

/** This service's OpenAPI document and metrics, checked with partners' and operators' own tools. */
class MatchingContractTest extends ServiceContractTest {

    @Override
    protected void publishAnIntegrationEvent() {
        // The service opens matching events only for partnerships it heard of.
        String partnershipId = publishSample(IntegrationEventType.PARTNERSHIP_ESTABLISHED);
        String body = """
                {"partnershipId": "%s", "title": "Online business matching: products against COVID-19",
                 "startsAt": "2020-11-18T08:00:00Z", "endsAt": "2020-11-18T11:00:00Z", "slotMinutes": 30}"""
                .formatted(partnershipId);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http().postJson("/api/v1/matching/events", body).statusCode() == 201);
    }

    @Override
    protected IntegrationEventType consumedType() {
        return IntegrationEventType.PARTNERSHIP_ESTABLISHED;
    }
}
