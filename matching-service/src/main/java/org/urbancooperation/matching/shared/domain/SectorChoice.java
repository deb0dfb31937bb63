package org.urbancooperation.matching.shared.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * The sectors a profile or an opportunity names, and the subsectors within them: the one rule both follow (at least
 * one sector, each once; subsectors optional, each once and each within one of the sectors named).
 */
public record SectorChoice(List<Sector> sectors, List<Subsector> subsectors) {

    public SectorChoice {
        sectors = List.copyOf(sectors);
        subsectors = List.copyOf(subsectors);
    }

    /** @throws InvalidValueException naming {@code sectors}, {@code subsectors[i]}, or both for a subsector outside */
    public static SectorChoice of(List<Sector> sectors, List<Subsector> subsectors) {
        List<Sector> checkedSectors = distinct("sectors",
                Require.size("sectors", sectors, 1, Sector.values().length));
        Require.each("sectors", checkedSectors, Require::present);
        List<Subsector> checkedSubsectors = subsectors == null ? List.of()
                : distinct("subsectors", Require.size("subsectors", subsectors, 0, Subsector.values().length));
        for (int i = 0; i < checkedSubsectors.size(); i++) {
            Subsector s = Require.present("subsectors[" + i + "]", checkedSubsectors.get(i));
            if (!checkedSectors.contains(s.sector())) {
                throw InvalidValueException.between("subsectors[" + i + "]", "sectors", s + " belongs to sector "
                        + s.sector() + ", which sectors does not name");
            }
        }
        return new SectorChoice(checkedSectors, checkedSubsectors);
    }

    private static <T> List<T> distinct(String field, List<T> values) {
        if (new LinkedHashSet<>(values).size() != values.size()) {
            throw new InvalidValueException(field, field + " names an entry twice");
        }
        return new ArrayList<>(values);
    }
}
