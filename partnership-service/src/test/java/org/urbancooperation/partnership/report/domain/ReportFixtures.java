package org.urbancooperation.partnership.report.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Report data from the seeds (the Essen–Koriyama document), for the report's unit tests. */
public final class ReportFixtures {

    public static final UUID ESSEN_KORIYAMA = UUID.fromString("0b6e7a52-3c1d-4f8e-b2a9-5d4c3e2f1a00");
    public static final List<String> STATUSES = List.of("PLANNED", "UNDERWAY", "POSTPONED", "COMPLETED", "CANCELLED");

    private ReportFixtures() {
    }

    public static ReportedPartnership essenKoriyama(String name, String status) {
        return new ReportedPartnership(ESSEN_KORIYAMA, name,
                Map.of("en", name, "ja", "エッセン・郡山：未来に向けた都市間協力の最大化"), "PROGRAMME_PILOT_PROJECT",
                status, LocalDate.parse("2019-08-27"),
                new ReportedPartnership.ProgrammeRef("iurc", Map.of("en", "International Urban and Regional Cooperation")),
                List.of("climate-energy-water-air"),
                List.of(new ReportedPartnership.City("essen", "Essen", "DE"),
                        new ReportedPartnership.City("koriyama", "Koriyama", "JP")),
                List.of("renewable-energy", "medical-devices", "education"),
                List.of(new ReportedPartnership.Member("city-of-essen", "City of Essen", "essen", List.of()),
                        new ReportedPartnership.Member("frea", "Fukushima Renewable Energy Institute, AIST (FREA)",
                                "koriyama", List.of("renewable-energy")),
                        new ReportedPartnership.Member("ewg", "Essen Economic Development Agency (EWG)", "essen",
                                List.of("medical-devices"))),
                List.of(new ReportedPartnership.Agreement(UUID.fromString("5e8d7c6b-4a3f-4e2d-9c1b-0a9f8e7d6c5b"),
                        "Agreement on continued cooperation", "AGREEMENT_ON_CONTINUED_COOPERATION",
                        LocalDate.parse("2019-09-20"), "koriyama", "Koriyama",
                        List.of(new ReportedPartnership.Signatory("Signatory of the City of Essen", "Mayor",
                                "city-of-essen")))),
                List.of("city-of-essen", "frea", "ewg"));
    }

    public static ReportedAction action(String title, String status, String from, String to, String reason,
            ReportedAction.FormatChange online) {
        return new ReportedAction(UUID.randomUUID(), 3, Map.of("en", title), "education", status, from, to,
                online == null ? "IN_PERSON" : "ONLINE", reason, Instant.parse("2020-04-01T00:00:00Z"), online);
    }

    public static ReportedIndicator indicator(String code, String actual, String target) {
        return new ReportedIndicator(code, Map.of("en", "Joint seminars and study tours held"), "events", "AUTOMATIC",
                "COOPERATION_EVENTS_HELD", BigDecimal.ZERO, new BigDecimal(target), LocalDate.parse("2021-12-31"),
                actual == null ? null : new BigDecimal(actual),
                actual == null ? null : new BigDecimal(actual).divide(new BigDecimal(target), 4,
                        java.math.RoundingMode.HALF_EVEN));
    }

    public static CooperationEventEntry event(String title, String startsAt, CooperationEventEntry.State state,
            String reason) {
        Instant start = Instant.parse(startsAt);
        return new CooperationEventEntry(UUID.randomUUID(), List.of(ESSEN_KORIYAMA), title, "CONFERENCE", start,
                start.plusSeconds(3 * 3600), state, reason);
    }
}
