package org.urbancooperation.partnership.report.application;

import java.util.Map;
import java.util.Optional;

/** The programmes a programme report is about, read from the programme feature. */
public interface ProgrammesForReport {

    /** The programme's names by language tag; empty when there is no such programme. */
    Optional<Map<String, String>> names(String programmeId);
}
