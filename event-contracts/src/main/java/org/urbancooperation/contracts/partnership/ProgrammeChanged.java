package org.urbancooperation.contracts.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A programme was changed: {@code changed} names the fields that changed; the other fields are the programme's whole
 * new state, so a consumer can replace its copy without having seen the events before.
 */
public record ProgrammeChanged(
        String programmeId,
        List<String> changed,
        Map<String, String> names,
        String funder,
        List<String> regions,
        LocalDate from,
        LocalDate to,
        String continues,
        List<ProgrammeRegistered.Network> networks) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return programmeId;
    }
}
