package org.urbancooperation.partnership.partnership.application;

import java.util.Optional;
import java.util.Set;

/** The programmes partnerships belong to (a port: the programme feature owns them). */
public interface ProgrammeCatalogue {

    /** The ids of the programme's thematic networks; empty when there is no such programme. */
    Optional<Set<String>> networksOf(String programmeId);
}
