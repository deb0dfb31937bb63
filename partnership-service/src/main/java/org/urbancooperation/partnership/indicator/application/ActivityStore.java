package org.urbancooperation.partnership.indicator.application;

import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.partnership.indicator.domain.PartnershipActivity;

/** Counts per partnership; each report is counted once however often it is delivered. */
public interface ActivityStore {

    /** @return false when this report was counted before */
    boolean countCooperationEvent(UUID partnershipId, UUID reportId, String format);

    /** @return false when this report was counted before */
    boolean countMatchingEvent(UUID partnershipId, UUID reportId);

    Optional<PartnershipActivity> find(UUID partnershipId);
}
