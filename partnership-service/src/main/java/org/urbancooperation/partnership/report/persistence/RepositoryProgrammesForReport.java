package org.urbancooperation.partnership.report.persistence;

import java.util.Map;
import java.util.Optional;

import org.urbancooperation.partnership.programme.application.ProgrammeRepository;
import org.urbancooperation.partnership.report.application.ProgrammesForReport;

/** Programmes for the report, through the programme feature's repository. */
public class RepositoryProgrammesForReport implements ProgrammesForReport {

    private final ProgrammeRepository programmes;

    public RepositoryProgrammesForReport(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    @Override
    public Optional<Map<String, String>> names(String programmeId) {
        return programmes.find(programmeId).map(v -> v.aggregate().names().values());
    }
}
