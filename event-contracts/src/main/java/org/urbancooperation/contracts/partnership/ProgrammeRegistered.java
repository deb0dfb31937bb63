package org.urbancooperation.contracts.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * The secretariat registered a cooperation programme, e.g. IURC (International Urban and Regional Cooperation),
 * which continues IUC Asia, with the thematic networks its partnerships work in.
 *
 * @param names the programme's name by BCP 47 language tag, {@code en} always present
 * @param funder who funds it, or null when not recorded
 * @param from first day of the programme's period, or null
 * @param to last day of the programme's period, or null
 * @param continues the id of the programme this one continues, or null
 */
public record ProgrammeRegistered(
        String programmeId,
        Map<String, String> names,
        String funder,
        List<String> regions,
        LocalDate from,
        LocalDate to,
        String continues,
        List<Network> networks) implements IntegrationEvent {

    /** A thematic network of interest, e.g. {@code climate-energy-water-air}. */
    public record Network(String id, Map<String, String> names) {
    }

    @Override
    public String aggregateId() {
        return programmeId;
    }
}
