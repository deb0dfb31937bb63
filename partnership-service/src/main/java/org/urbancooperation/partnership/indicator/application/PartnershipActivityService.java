package org.urbancooperation.partnership.indicator.application;

import java.util.UUID;

import org.urbancooperation.partnership.indicator.domain.PartnershipActivity;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.security.Caller;

/**
 * What a partnership has put on its calendar, as event-service and matching-service report it: the counters that
 * stood in for indicators before there were indicators, with their meaning unchanged (scheduled and opened, not held).
 */
public class PartnershipActivityService {

    private final ActivityStore store;
    private final PartnershipDirectory partnerships;

    public PartnershipActivityService(ActivityStore store, PartnershipDirectory partnerships) {
        this.store = store;
        this.partnerships = partnerships;
    }

    /** @throws NotFoundException for an unknown partnership, or one the caller may not read */
    public PartnershipActivity of(Caller caller, UUID partnershipId) {
        PartnershipReadAccess.requireReadable(caller, partnershipId, partnerships.find(partnershipId)
                .orElseThrow(() -> new NotFoundException("Partnership", partnershipId)));
        return store.find(partnershipId).orElseGet(() -> PartnershipActivity.none(partnershipId));
    }
}
