package org.urbancooperation.contracts.partnership;

import java.time.LocalDate;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/** The partner cities signed an agreement, e.g. on continued cooperation (Essen and Koriyama, Sep 2019). */
public record AgreementSigned(
        UUID partnershipId,
        UUID agreementId,
        String title,
        LocalDate signedOn) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return partnershipId.toString();
    }
}
