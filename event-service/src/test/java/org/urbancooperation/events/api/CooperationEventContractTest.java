package org.urbancooperation.events.api;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.support.testing.ServiceContractTest;

/** This service's OpenAPI document and metrics, checked with partners' and operators' own tools. */
class CooperationEventContractTest extends ServiceContractTest {

    @Override
    protected void publishAnIntegrationEvent() {
        // The service schedules events only for partnerships it heard of.
        String partnershipId = publishSample(IntegrationEventType.PARTNERSHIP_ESTABLISHED);
        String body = """
                {"partnershipId": "%s", "title": "EU-Japan 100 Cities Event on Climate Action", "format": "CONFERENCE",
                 "startsAt": "2023-01-25T08:00:00Z", "endsAt": "2023-01-25T11:00:00Z",
                 "timeZones": ["Europe/Brussels", "Asia/Tokyo"], "languages": ["en", "ja"]}""".formatted(partnershipId);
        await().atMost(Duration.ofSeconds(20)).until(() -> http().postJson("/api/v1/events", body).statusCode() == 201);
    }

    @Override
    protected IntegrationEventType consumedType() {
        return IntegrationEventType.PARTNERSHIP_ESTABLISHED;
    }
}
