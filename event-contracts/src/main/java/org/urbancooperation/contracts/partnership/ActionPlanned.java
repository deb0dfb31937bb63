package org.urbancooperation.contracts.partnership;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A partnership planned an action under one of its focal points, e.g. Koriyama and Essen's internship programme
 * between medical institutions, planned for summer 2020. Published on the partnership's topic, keyed by the
 * partnership (aggregate type {@code Action}): a partnership's action events keep their order; the envelope's
 * {@code aggregateVersion} is the version of the action named by {@code actionId}.
 *
 * @param title by BCP 47 language tag, {@code en} always present
 * @param plannedFrom {@code YYYY-MM} (a month) or {@code YYYY-MM-DD} (a day), as planned; absent when not yet known
 * @param plannedTo the window's end in the same forms; absent when the window is {@code plannedFrom} alone
 * @param format {@code IN_PERSON}, {@code ONLINE} or {@code HYBRID}; absent while undecided
 * @param status {@code PLANNED}
 */
public record ActionPlanned(
        UUID partnershipId,
        UUID actionId,
        UUID focalPointId,
        Map<String, String> title,
        String theme,
        String network,
        String leadOrganisationId,
        List<String> partnerOrganisationIds,
        String plannedFrom,
        String plannedTo,
        String format,
        String status) implements IntegrationEvent {

    public ActionPlanned {
        // Insertion order kept (English first, as the service writes it), so the JSON reads as it was written.
        title = Collections.unmodifiableMap(new LinkedHashMap<>(title));
        partnerOrganisationIds = partnerOrganisationIds == null ? List.of() : List.copyOf(partnerOrganisationIds);
    }

    @Override
    public String aggregateId() {
        return partnershipId.toString();
    }
}
