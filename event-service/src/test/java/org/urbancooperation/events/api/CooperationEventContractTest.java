package org.urbancooperation.events.api;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.support.testing.ServiceContractTest;

/** This service's OpenAPI document and metrics, checked with partners' and operators' own tools. */
class CooperationEventContractTest extends ServiceContractTest {

    @Override
    protected void publishAnIntegrationEvent() {
        // The service accepts events only of organisers and partnerships it heard of; publishing one is what it
        // announces.
        String partnershipId = publishSample(IntegrationEventType.PARTNERSHIP_ESTABLISHED);
        String organisation = publishSample(IntegrationEventType.ORGANISATION_REGISTERED);
        String body = """
                {"kind": "CONFERENCE", "title": "EU-Japan 100 Cities Event on Climate Action", "organisers": ["%s"],
                 "partnershipIds": ["%s"], "timeZone": "Europe/Brussels", "timeZones": ["Asia/Tokyo"],
                 "startsAt": "2023-01-25T09:00", "endsAt": "2023-01-25T12:00", "languages": ["en", "ja"]}"""
                .formatted(organisation, partnershipId);
        HttpResponse<String> created = await().atMost(Duration.ofSeconds(20))
                .until(() -> http().postJson("/api/v1/events", body), response -> response.statusCode() == 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> http().postJson(location + "/publish", "").statusCode()
                == 200);
    }

    @Override
    protected IntegrationEventType consumedType() {
        return IntegrationEventType.PARTNERSHIP_ESTABLISHED;
    }
}
