package org.urbancooperation.contracts.partnership;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A partnership's description changed: {@code changed} names the fields that changed (e.g. {@code names},
 * {@code members}, {@code focalPointContacts}); the other fields are the partnership's new public state. Personal
 * data never travels: a change of focal-point contacts is named in {@code changed}, their names and emails are not
 * carried.
 */
public record PartnershipChanged(
        UUID partnershipId,
        List<String> changed,
        String name,
        Map<String, String> names,
        Map<String, String> description,
        String kind,
        String programmeId,
        List<String> networks,
        List<PartnershipEstablished.City> cities,
        List<String> themes,
        List<PartnershipEstablished.Member> members,
        List<String> partnerOrganisations) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return partnershipId.toString();
    }
}
