package org.urbancooperation.contracts.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A business published a partnering opportunity (for the first time, or again after it expired and was renewed): the whole
 * opportunity as it is now.
 *
 * @param type BUSINESS_OFFER, BUSINESS_REQUEST, TECHNOLOGY_OFFER, TECHNOLOGY_REQUEST, RND_COOPERATION_REQUEST
 * @param targetCountries ISO 3166-1 alpha-2 codes; empty for any country
 */
public record OpportunityPublished(
        UUID opportunityId,
        String businessId,
        String type,
        Map<String, String> title,
        Map<String, String> summary,
        List<String> sectors,
        List<String> subsectors,
        List<String> keywords,
        List<String> cooperationTypes,
        List<String> targetCountries,
        String referenceCode,
        Instant validUntil) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
