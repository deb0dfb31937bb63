package org.urbancooperation.support.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.partnership.AgreementSigned;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;

/** Contract events with the seeds' facts, for plumbing tests. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static PartnershipEstablished essenKoriyama(UUID partnershipId) {
        return new PartnershipEstablished(partnershipId, "Essen - Koriyama",
                List.of(new PartnershipEstablished.City("Essen", "DE", "Europe/Berlin"),
                        new PartnershipEstablished.City("Koriyama", "JP", "Asia/Tokyo")),
                List.of("renewable-energy", "medical-devices", "education"), LocalDate.of(2019, 8, 27),
                List.of("city-of-essen", "city-of-koriyama"));
    }

    public static AgreementSigned continuedCooperation(UUID partnershipId) {
        return new AgreementSigned(partnershipId, UUID.randomUUID(), "Agreement on continued cooperation",
                LocalDate.of(2019, 9, 20));
    }
}
