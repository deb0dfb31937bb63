package org.urbancooperation.contracts.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * The partner cities signed an agreement, e.g. on continued cooperation (Essen and Koriyama, Sep 2019).
 *
 * @param kind MEMORANDUM_OF_UNDERSTANDING, AGREEMENT_ON_CONTINUED_COOPERATION, LETTER_OF_INTENT,
 *        COOPERATION_AGREEMENT or OTHER; optional (issue 11)
 * @param signedAtCityId where it was signed, a city id such as {@code koriyama}; optional
 * @param signatoryOrganisations the organisations whose representatives signed (their names stay in the service:
 *        no personal data in events); optional
 * @param documents linked documents; optional
 */
public record AgreementSigned(
        UUID partnershipId,
        UUID agreementId,
        String title,
        LocalDate signedOn,
        String kind,
        String signedAtCityId,
        List<String> signatoryOrganisations,
        List<Document> documents) implements IntegrationEvent {

    /** As published before issue 11. */
    public AgreementSigned(UUID partnershipId, UUID agreementId, String title, LocalDate signedOn) {
        this(partnershipId, agreementId, title, signedOn, null, null, null, null);
    }

    /** A document about the agreement: its title, where it is, its language (BCP 47) and media type. */
    public record Document(String title, String url, String language, String mediaType) {
    }

    @Override
    public String aggregateId() {
        return partnershipId.toString();
    }
}
