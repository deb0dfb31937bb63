package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.support.testing.ServiceContractTest;

/** This service's OpenAPI document and metrics, checked with partners' and operators' own tools. */
class PartnershipContractTest extends ServiceContractTest {

    @Override
    protected void publishAnIntegrationEvent() {
        String body = """
                {"name": "Essen - Koriyama (contract check)", "establishedOn": "2019-08-27",
                 "partnerOrganisations": ["city-of-essen", "city-of-koriyama"], "themes": ["renewable-energy"],
                 "cities": [{"name": "Essen", "countryCode": "DE", "timeZone": "Europe/Berlin"},
                            {"name": "Koriyama", "countryCode": "JP", "timeZone": "Asia/Tokyo"}]}""";
        HttpResponse<String> created = http().postJson("/api/v1/partnerships", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Override
    protected IntegrationEventType consumedType() {
        return IntegrationEventType.COOPERATION_EVENT_SCHEDULED_V2;
    }
}
