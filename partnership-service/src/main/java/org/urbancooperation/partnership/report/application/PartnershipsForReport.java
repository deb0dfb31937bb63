package org.urbancooperation.partnership.report.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.partnership.report.domain.ReportedPartnership;

/** The partnerships the report describes, read from the partnership feature (never their contacts). */
public interface PartnershipsForReport {

    Optional<ReportedPartnership> find(UUID id);

    /** Every partnership of the programme, whatever its status (a programme has tens, not thousands). */
    List<ReportedPartnership> ofProgramme(String programmeId);
}
