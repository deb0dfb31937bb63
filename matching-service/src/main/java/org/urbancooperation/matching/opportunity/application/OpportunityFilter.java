package org.urbancooperation.matching.opportunity.application;

import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;

/**
 * What a list of opportunities is narrowed to; each field null for any.
 *
 * @param visibleTo a business that sees its own opportunities in any status and others' only when published; null
 *        for operators (everything)
 * @param publishedOnly others' published ones only (any caller but operators and the business itself)
 * @param keyword a keyword, compared without regard to case
 * @param targetCountry only those that name this country among their targets, or name none (any country)
 */
public record OpportunityFilter(String visibleTo, boolean publishedOnly, String businessId, OpportunityStatus status,
        OpportunityType type, Sector sector, Subsector subsector, String keyword, String targetCountry) {
}
