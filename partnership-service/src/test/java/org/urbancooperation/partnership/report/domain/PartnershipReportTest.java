package org.urbancooperation.partnership.report.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbancooperation.partnership.report.domain.ReportFixtures.STATUSES;
import static org.urbancooperation.partnership.report.domain.ReportFixtures.action;
import static org.urbancooperation.partnership.report.domain.ReportFixtures.event;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.urbancooperation.partnership.report.domain.CooperationEventEntry.State;

class PartnershipReportTest {

    static final Instant NOW = Instant.parse("2023-01-26T00:00:00Z");

    @Test
    void actionsAreCountedByEveryStatusInLifecycleOrderAndTheirKindsListed() {
        ReportedAction internship = action("Academic internship", "POSTPONED", "2020-06", "2020-08",
                "postponed due to COVID-19", null);
        ReportedAction scholars = action("Alfried Krupp pupils scholarship", "POSTPONED", "2021-04", null,
                "postponed to April 2021 or 2022 due to COVID-19", null);
        ReportedAction exchange = action("Student exchange programme", "PLANNED", "2020-04", "2021-03", null,
                new ReportedAction.FormatChange("IN_PERSON", "online exchange programme on SDGs, energy transition, "
                        + "Green Deal, etc. is schedule for the FY2020", Instant.parse("2020-05-01T00:00:00Z")));
        ReportedAction cancelled = action("Seminar", "CANCELLED", "2020-10-28", null, "not held", null);

        PartnershipReport report = PartnershipReport.of(ReportFixtures.essenKoriyama("Essen - Koriyama", "ACTIVE"),
                STATUSES, List.of(internship, scholars, exchange, cancelled), List.of(), List.of(), NOW);

        assertThat(report.actionsByStatus()).containsExactly(java.util.Map.entry("PLANNED", 1L),
                java.util.Map.entry("UNDERWAY", 0L), java.util.Map.entry("POSTPONED", 2L),
                java.util.Map.entry("COMPLETED", 0L), java.util.Map.entry("CANCELLED", 1L));
        assertThat(report.postponed()).containsExactly(internship, scholars);
        assertThat(report.cancelled()).containsExactly(cancelled);
        assertThat(report.movedOnline()).containsExactly(exchange);
        assertThat(report.actions()).extracting(ReportedAction::plannedFrom)
                .containsExactly("2020-04", "2020-06", "2020-10-28", "2021-04");
    }

    @Test
    void eventsAreUpcomingPastOrCancelled() {
        CooperationEventEntry held = event("EU-Japan 100 Cities Event on Climate Action", "2023-01-25T08:00:00Z",
                State.HELD, null);
        CooperationEventEntry startedNotReported = event("Earlier", "2023-01-20T08:00:00Z", State.SCHEDULED, null);
        CooperationEventEntry upcoming = event("Later", "2023-02-01T08:00:00Z", State.SCHEDULED, null);
        CooperationEventEntry sooner = event("Sooner", "2023-01-27T08:00:00Z", State.SCHEDULED, null);
        CooperationEventEntry cancelled = event("Cancelled", "2023-03-01T08:00:00Z", State.CANCELLED, "no venue");

        PartnershipReport report = PartnershipReport.of(ReportFixtures.essenKoriyama("Essen - Koriyama", "ACTIVE"),
                STATUSES, List.of(), List.of(), List.of(held, upcoming, cancelled, startedNotReported, sooner), NOW);

        assertThat(report.upcomingEvents()).containsExactly(sooner, upcoming);
        assertThat(report.pastEvents()).containsExactly(held, startedNotReported);
        assertThat(report.cancelledEvents()).containsExactly(cancelled);
    }

    @Test
    void aCancellationWhoseScheduleIsNotKnownYetIsListedAsCancelledOnly() {
        CooperationEventEntry unknown = new CooperationEventEntry(java.util.UUID.randomUUID(),
                List.of(ReportFixtures.ESSEN_KORIYAMA), null, null, null, null, State.CANCELLED, null);

        PartnershipReport report = PartnershipReport.of(ReportFixtures.essenKoriyama("Essen - Koriyama", "ACTIVE"),
                STATUSES, List.of(), List.of(), List.of(unknown), NOW);

        assertThat(report.upcomingEvents()).isEmpty();
        assertThat(report.pastEvents()).isEmpty();
        assertThat(report.cancelledEvents()).containsExactly(unknown);
    }
}
