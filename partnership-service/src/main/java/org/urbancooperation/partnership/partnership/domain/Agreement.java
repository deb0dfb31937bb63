package org.urbancooperation.partnership.partnership.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A signed agreement between the partner cities, e.g. the agreement on continued cooperation Essen and Koriyama
 * signed in Koriyama in Sep 2019.
 *
 * @param kind null for agreements recorded before kinds were (issue 11)
 * @param signedAtCityId where it was signed (an id at {@code /api/v1/cities}); null when not recorded
 */
public record Agreement(UUID id, String title, LocalDate signedOn, AgreementKind kind, String signedAtCityId,
        List<Signatory> signatories, List<AgreementDocument> documents) {

    public Agreement {
        signatories = List.copyOf(signatories == null ? List.of() : signatories);
        documents = List.copyOf(documents == null ? List.of() : documents);
    }

    public Agreement(UUID id, String title, LocalDate signedOn) {
        this(id, title, signedOn, null, null, List.of(), List.of());
    }
}
