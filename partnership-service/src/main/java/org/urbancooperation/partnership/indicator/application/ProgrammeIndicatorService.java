package org.urbancooperation.partnership.indicator.application;

import java.util.UUID;

import org.urbancooperation.partnership.indicator.domain.ProgrammeIndicators;
import org.urbancooperation.partnership.partnership.application.PartnershipService;

/** Programme indicators of a partnership, fed by what event-service and matching-service report. */
public class ProgrammeIndicatorService {

    private final IndicatorStore store;
    private final PartnershipService partnerships;

    public ProgrammeIndicatorService(IndicatorStore store, PartnershipService partnerships) {
        this.store = store;
        this.partnerships = partnerships;
    }

    /** @throws org.urbancooperation.support.application.NotFoundException for an unknown partnership */
    public ProgrammeIndicators of(UUID partnershipId) {
        partnerships.get(partnershipId);
        return store.find(partnershipId).orElseGet(() -> ProgrammeIndicators.none(partnershipId));
    }
}
