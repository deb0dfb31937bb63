package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.partnership.report.application.CooperationEventCalendar;
import org.urbancooperation.partnership.report.domain.CooperationEventEntry.State;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/**
 * The results reports over HTTP: who reads them, the JSON, the CSV read back with Commons CSV, 406 for other types,
 * and never a contact (focal-point contacts and organisations' contacts are in the data, and nowhere in a report).
 */
// A context (database, broker) of its own: organisations registered here with contacts must not meet other classes'
// bare organisation documents of the same ids.
@TestPropertySource(properties = "ucp.test.context=report")
class ReportApiTest extends ServiceApiTest {

    static final CallerIdentity MEMBER = TestIdentities.KORIYAMA;
    static final CallerIdentity OTHER_PARTNER = TestIdentities.DUESSELDORF;
    static final CallerIdentity BUSINESS = TestIdentities.HYDROGEN;

    /** What a report must never hold: the contacts registered below. */
    static final List<String> CONTACT_TEXTS = List.of("focal-point@example.org", "Focal point of the City of Koriyama",
            "desk@example.org", "Research desk", "business-creation@example.org", "essen-desk@example.org",
            "Chief, Business Creation Division", "Yohei Watanabe");

    static final String ORGANISATION = """
            {"id": "%s", "names": {"en": "%s"}, "kind": "%s", "homeCityId": "%s", "themes": [],
             "contacts": [{"name": "Research desk", "role": "Public relations", "email": "%s"}]}""";

    @Autowired
    CooperationEventCalendar calendar;

    @BeforeEach
    void placesAndTheProgramme() {
        // The context lives for the whole class: each of these is there after the first time (409 then).
        http().postJson("/api/v1/cities", CityApiTest.KORIYAMA.formatted("koriyama"));
        http().postJson("/api/v1/cities", CityApiTest.ESSEN.formatted("essen"));
        http().postJson("/api/v1/organisations", OrganisationApiTest.CITY_OF_KORIYAMA);
        http().postJson("/api/v1/organisations", OrganisationApiTest.FREA.formatted("frea"));
        http().postJson("/api/v1/organisations", ORGANISATION.formatted("city-of-essen", "City of Essen",
                "CITY_GOVERNMENT", "essen", "essen-desk@example.org"));
        http().postJson("/api/v1/organisations", ORGANISATION.formatted("energy-agency-fukushima",
                "Energy Agency. Fukushima", "ENERGY_AGENCY", "koriyama", "desk@example.org"));
        http().postJson("/api/v1/organisations", ORGANISATION.formatted("ewg", "Essen Economic Development Agency (EWG)",
                "ECONOMIC_DEVELOPMENT_AGENCY", "essen", "desk@example.org"));
        if (http().get("/api/v1/programmes/iurc").statusCode() == 404) {
            assertThat(http().postJson("/api/v1/programmes", ProgrammeApiTest.IURC.formatted("iurc", "null"))
                    .statusCode()).isEqualTo(201);
        }
    }

    /** Essen–Koriyama with its members per theme, a focal-point contact, the agreement and the seed's actions. */
    String essenKoriyama(String suffix, String status) {
        HttpResponse<String> created = http().postJson("/api/v1/partnerships",
                PartnershipLifecycleApiTest.ESSEN_KORIYAMA.formatted(suffix, status, PartnershipLifecycleApiTest.CONTACT));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ServiceHttp.json(created).path("id").asString();
        HttpResponse<String> signed = http().postJson("/api/v1/partnerships/" + id + "/agreements", """
                {"title": "Agreement on continued cooperation", "signedOn": "2019-09-20",
                 "kind": "AGREEMENT_ON_CONTINUED_COOPERATION", "signedAtCityId": "koriyama",
                 "signatories": [{"name": "Signatory of the City of Essen", "title": "Mayor",
                                  "organisationId": "city-of-essen"}]}""");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        return id;
    }

    /** The seed's focal point 3 and its actions: postponed (with and without a new window), moved online, one cancelled. */
    Actions actionPlan(String id) {
        String actions = "/api/v1/partnerships/" + id + "/actions";
        HttpResponse<String> fp = as(MEMBER).postJson("/api/v1/partnerships/" + id + "/focal-points",
                "{\"number\": 3, \"title\": {\"en\": \"Academic internship & student exchange programs\"}}");
        assertThat(fp.statusCode()).as(fp.body()).isEqualTo(201);
        String focalPoint = ServiceHttp.json(fp).path("id").asString();
        String internship = plan(actions, ActionPlanApiTest.action(focalPoint, "Internship between the Faculty of "
                + "Medicine of Duisburg-Essen University and the Southern Tohoku General Hospital", "education",
                "\"plannedFrom\": \"2020-06\", \"plannedTo\": \"2020-08\""));
        move(internship + "/status", "{\"status\": \"POSTPONED\", \"reason\": \"postponed due to COVID-19\"}");
        String scholars = plan(actions, ActionPlanApiTest.action(focalPoint, "Two scholars from Essen hosted in "
                + "Koriyama on the Alfried Krupp pupils scholarship programme", "education", ""));
        move(scholars + "/status", "{\"status\": \"POSTPONED\", \"reason\": \"postponed to April 2021 or 2022 due to "
                + "COVID-19\", \"plannedFrom\": \"2021-04\"}");
        String exchange = plan(actions, ActionPlanApiTest.action(focalPoint, "Student exchange programme on Education "
                + "for Sustainable Development and STEM Education", "education",
                "\"plannedFrom\": \"2020-04\", \"plannedTo\": \"2021-03\", \"format\": \"IN_PERSON\""));
        move(exchange + "/format", "{\"format\": \"ONLINE\", \"reason\": \"online exchange programme on SDGs, energy "
                + "transition, Green Deal, etc. is schedule for the FY2020\"}");
        String cancelled = plan(actions, ActionPlanApiTest.action(focalPoint, "Report test action, to be cancelled",
                "education", "\"plannedFrom\": \"2020-10-28\""));
        move(cancelled + "/status", "{\"status\": \"CANCELLED\", \"reason\": \"Cancelled in this test, \\\"quoted\\\"\"}");
        return new Actions(ActionPlanApiTest.id(internship), ActionPlanApiTest.id(scholars),
                ActionPlanApiTest.id(exchange), ActionPlanApiTest.id(cancelled));
    }

    record Actions(String internship, String scholars, String exchange, String cancelled) {
    }

    String plan(String actions, String body) {
        HttpResponse<String> created = as(MEMBER).postJson(actions, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    void move(String path, String body) {
        HttpResponse<String> moved = as(MEMBER).postJson(path, body);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    void indicators(String id) {
        String path = "/api/v1/partnerships/" + id + "/indicators";
        assertThat(http().postJson(path, """
                {"code": "IURC-EV-1", "name": {"en": "Joint seminars and study tours held", "ja": "共同セミナー・視察"},
                 "unit": "events", "source": "AUTOMATIC", "measure": "COOPERATION_EVENTS_HELD",
                 "baseline": 0, "target": 4, "targetDate": "2021-12-31"}""").statusCode()).isEqualTo(201);
        assertThat(http().postJson(path, """
                {"code": "IURC-EX-1", "name": {"en": "Students in exchange programmes"}, "unit": "students",
                 "source": "MANUAL", "baseline": 0, "target": 10, "targetDate": "2022-03-31"}""").statusCode())
                .isEqualTo(201);
        HttpResponse<String> value = as(MEMBER).postJson(path + "/IURC-EX-1/values",
                "{\"value\": 2, \"measuredOn\": \"2021-03-31\", \"source\": \"Report of the partnership\"}");
        assertThat(value.statusCode()).as(value.body()).isEqualTo(200);
    }

    void events(String id) {
        UUID partnership = UUID.fromString(id);
        calendar.record(new CooperationEventCalendar.Fact(UUID.randomUUID(), List.of(partnership), State.HELD,
                "EU-Japan 100 Cities Event on Climate Action", "CONFERENCE", Instant.parse("2023-01-25T08:00:00Z"),
                Instant.parse("2023-01-25T11:00:00Z"), null), 2);
        calendar.record(new CooperationEventCalendar.Fact(UUID.randomUUID(), List.of(partnership), State.SCHEDULED,
                "Report test seminar, upcoming", "JOINT_SEMINAR", Instant.parse("2199-01-25T08:00:00Z"),
                Instant.parse("2199-01-25T11:00:00Z"), null), 1);
        calendar.record(new CooperationEventCalendar.Fact(UUID.randomUUID(), List.of(partnership), State.CANCELLED,
                null, null, null, null, "Cancelled in this test"), 3);
    }

    static String report(String id) {
        return "/api/v1/partnerships/" + id + "/report";
    }

    static void assertNoContacts(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain(CONTACT_TEXTS).doesNotContain("focalPointContacts", "\"contacts\"",
                "email");
    }

    // Who reads it

    @Test
    void whoeverMayReadThePartnershipReadsItsReportAndNobodySeesContacts() {
        String active = essenKoriyama("report-active", "ACTIVE");
        String proposed = essenKoriyama("report-proposed", "PROPOSED");
        actionPlan(active);

        for (ServiceHttp reader : List.of(http(), as(MEMBER), as(OTHER_PARTNER), as(BUSINESS), anonymous())) {
            for (String accept : List.of("application/json", "text/csv")) {
                HttpResponse<String> read = reader.get(report(active), "Accept", accept);
                assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                assertNoContacts(read);
            }
        }
        for (ServiceHttp reader : List.of(http(), as(MEMBER), as(OTHER_PARTNER))) {
            HttpResponse<String> read = reader.get(report(proposed));
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(ServiceHttp.json(read).path("partnership").path("status").asString()).isEqualTo("PROPOSED");
            assertNoContacts(read);
        }
        for (ServiceHttp reader : List.of(as(BUSINESS), anonymous())) {
            HttpResponse<String> hidden = reader.get(report(proposed));
            assertThat(hidden.statusCode()).as("a proposed partnership does not exist for them").isEqualTo(404);
            assertThat(hidden.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(reader.get(report(proposed), "Accept", "text/csv").statusCode()).isEqualTo(404);
        }
        assertThat(http().get(report(UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/partnerships/not-a-uuid/report").statusCode()).isEqualTo(400);
    }

    // JSON

    @Test
    void theJsonReportHoldsThePartnershipActionsIndicatorsAgreementsAndEvents() {
        String id = essenKoriyama("report-json", "ACTIVE");
        Actions actions = actionPlan(id);
        indicators(id);
        events(id);

        HttpResponse<String> read = anonymous().get(report(id));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode r = ServiceHttp.json(read);
        assertThat(r.path("generatedAt").asString()).isNotEmpty();

        JsonNode p = r.path("partnership");
        assertThat(p.path("id").asString()).isEqualTo(id);
        assertThat(p.path("names").path("ja").asString()).isEqualTo("エッセン・郡山 report-json");
        assertThat(p.path("kind").asString()).isEqualTo("PROGRAMME_PILOT_PROJECT");
        assertThat(p.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(p.path("programme").path("id").asString()).isEqualTo("iurc");
        assertThat(p.path("programme").path("names").path("en").asString())
                .isEqualTo("International Urban and Regional Cooperation");
        assertThat(p.path("cities").get(1).path("name").asString()).isEqualTo("Koriyama");
        assertThat(p.path("membersByTheme").path("renewable-energy").valueStream().map(JsonNode::asString).toList())
                .containsExactly("frea", "energy-agency-fukushima");
        assertThat(p.path("membersByTheme").path("medical-devices").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ewg");
        assertThat(p.path("members").get(2).path("name").asString())
                .isEqualTo("Fukushima Renewable Energy Institute, AIST (FREA)");

        JsonNode a = r.path("actions");
        assertThat(a.path("total").asInt()).isEqualTo(4);
        assertThat(a.path("byStatus").propertyNames()).containsExactly("PLANNED", "UNDERWAY", "POSTPONED",
                "COMPLETED", "CANCELLED");
        assertThat(a.path("byStatus").path("POSTPONED").asInt()).isEqualTo(2);
        assertThat(a.path("byStatus").path("CANCELLED").asInt()).isEqualTo(1);
        assertThat(a.path("byStatus").path("PLANNED").asInt()).isEqualTo(1);
        assertThat(a.path("items")).hasSize(4);
        assertThat(a.path("items").get(0).path("focalPoint").asInt()).isEqualTo(3);
        JsonNode scholars = find(a.path("postponed"), actions.scholars());
        assertThat(scholars.path("reason").asString()).isEqualTo("postponed to April 2021 or 2022 due to COVID-19");
        assertThat(scholars.path("plannedFrom").asString()).isEqualTo("2021-04");
        JsonNode internship = find(a.path("postponed"), actions.internship());
        assertThat(internship.path("reason").asString()).isEqualTo("postponed due to COVID-19");
        assertThat(internship.path("plannedFrom").asString()).as("no new window given: the old one").isEqualTo("2020-06");
        assertThat(internship.path("plannedTo").asString()).isEqualTo("2020-08");
        assertThat(find(a.path("cancelled"), actions.cancelled()).path("reason").asString())
                .isEqualTo("Cancelled in this test, \"quoted\"");
        JsonNode online = find(a.path("movedOnline"), actions.exchange());
        assertThat(online.path("from").asString()).isEqualTo("IN_PERSON");
        assertThat(online.path("reason").asString()).startsWith("online exchange programme on SDGs");

        JsonNode indicators = r.path("indicators");
        assertThat(indicators).hasSize(2);
        assertThat(indicators.get(0).path("code").asString()).isEqualTo("IURC-EV-1");
        assertThat(indicators.get(0).path("name").path("ja").asString()).isEqualTo("共同セミナー・視察");
        assertThat(indicators.get(0).path("actual").decimalValue()).isEqualByComparingTo("0");
        assertThat(indicators.get(0).path("target").decimalValue()).isEqualByComparingTo("4");
        assertThat(indicators.get(0).path("targetDate").asString()).isEqualTo("2021-12-31");
        assertThat(indicators.get(1).path("code").asString()).isEqualTo("IURC-EX-1");
        assertThat(indicators.get(1).path("actual").decimalValue()).isEqualByComparingTo("2");
        assertThat(indicators.get(1).path("progress").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(indicators.get(1).path("unit").asString()).isEqualTo("students");
        assertThat(indicators.get(1).path("baseline").decimalValue()).isEqualByComparingTo("0");

        JsonNode agreement = r.path("agreements").get(0);
        assertThat(agreement.path("kind").asString()).isEqualTo("AGREEMENT_ON_CONTINUED_COOPERATION");
        assertThat(agreement.path("signedOn").asString()).isEqualTo("2019-09-20");
        assertThat(agreement.path("signedAt").asString()).isEqualTo("Koriyama");
        assertThat(agreement.path("signatories").get(0).path("title").asString()).isEqualTo("Mayor");

        JsonNode events = r.path("events");
        assertThat(events.path("upcoming")).hasSize(1);
        assertThat(events.path("upcoming").get(0).path("title").asString()).isEqualTo("Report test seminar, upcoming");
        assertThat(events.path("past")).hasSize(1);
        assertThat(events.path("past").get(0).path("title").asString())
                .isEqualTo("EU-Japan 100 Cities Event on Climate Action");
        assertThat(events.path("past").get(0).path("state").asString()).isEqualTo("HELD");
        assertThat(events.path("cancelled").get(0).path("cancellationReason").asString())
                .isEqualTo("Cancelled in this test");
        assertNoContacts(read);
    }

    // CSV

    @Test
    void theCsvReportIsOneTableThatReadsBackRowByRow() throws IOException {
        String id = essenKoriyama("report-csv", "ACTIVE");
        Actions actions = actionPlan(id);
        indicators(id);
        events(id);

        HttpResponse<String> read = as(BUSINESS).get(report(id), "Accept", "text/csv");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(read.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"partnership-" + id + "-report.csv\"");
        List<CSVRecord> rows = parse(read.body());
        assertThat(rows).allSatisfy(row -> assertThat(row.size()).isEqualTo(13));
        // report, partnership, 3 names, programme, network, 2 cities, 5 members, 5 counts, 4 actions, 1 moved online,
        // 2 indicators, 1 agreement, 1 signatory, 3 events
        assertThat(rows).hasSize(1 + 1 + 3 + 1 + 1 + 2 + 5 + 5 + 4 + 1 + 2 + 1 + 1 + 3);
        assertThat(row(rows, "partnership-name", "ja").get("name")).isEqualTo("エッセン・郡山 report-csv");
        assertThat(row(rows, "member", "frea").get("theme")).isEqualTo("renewable-energy");
        assertThat(row(rows, "member", "frea").get("name")).isEqualTo("Fukushima Renewable Energy Institute, AIST (FREA)");
        assertThat(row(rows, "action-count", "POSTPONED").get("value")).isEqualTo("2");
        CSVRecord scholars = row(rows, "action", actions.scholars());
        assertThat(scholars.get("status")).isEqualTo("POSTPONED");
        assertThat(scholars.get("from")).isEqualTo("2021-04");
        assertThat(scholars.get("detail")).isEqualTo("postponed to April 2021 or 2022 due to COVID-19");
        assertThat(row(rows, "action", actions.cancelled()).get("detail")).isEqualTo("Cancelled in this test, \"quoted\"");
        assertThat(row(rows, "action-moved-online", actions.exchange()).get("detail"))
                .isEqualTo("online exchange programme on SDGs, energy transition, Green Deal, etc. is schedule for the "
                        + "FY2020");
        CSVRecord manual = row(rows, "indicator", "IURC-EX-1");
        assertThat(manual.get("value")).isEqualTo("2");
        assertThat(manual.get("target")).isEqualTo("10");
        assertThat(manual.get("unit")).isEqualTo("students");
        assertThat(manual.get("progress")).isEqualTo("0.2000");
        assertThat(row(rows, "indicator", "IURC-EV-1").get("detail")).isEqualTo("COOPERATION_EVENTS_HELD");
        assertThat(rows.stream().filter(r -> r.get("section").equals("agreement")).findFirst().orElseThrow()
                .get("detail")).isEqualTo("Koriyama");
        assertThat(rows.stream().filter(r -> r.get("section").equals("event")).map(r -> r.get("status")))
                .containsExactly("UPCOMING", "PAST", "CANCELLED");
        assertNoContacts(read);
    }

    @Test
    void otherRepresentationsAre406AndJsonIsTheDefault() {
        String id = essenKoriyama("report-negotiation", "ACTIVE");

        for (String accept : List.of("application/xml", "text/html", "application/pdf")) {
            HttpResponse<String> refused = anonymous().get(report(id), "Accept", accept);
            assertThat(refused.statusCode()).as(accept).isEqualTo(406);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(http().get("/api/v1/programmes/iurc/report", "Accept", accept).statusCode()).isEqualTo(406);
        }
        for (String accept : List.of("*/*", "application/json", "text/csv;q=0.5, application/json")) {
            assertThat(anonymous().get(report(id), "Accept", accept).headers().firstValue("Content-Type")
                    .orElseThrow()).as(accept).startsWith("application/json");
        }
        for (String accept : List.of("text/csv", "text/*", "application/json;q=0.4, text/csv")) {
            assertThat(anonymous().get(report(id), "Accept", accept).headers().firstValue("Content-Type")
                    .orElseThrow()).as(accept).startsWith("text/csv");
        }
    }

    // Programme

    @Test
    void operatorsReadOneReportAcrossTheProgramme() throws IOException {
        String active = essenKoriyama("report-programme", "ACTIVE");
        String proposed = essenKoriyama("report-programme-proposed", "PROPOSED");
        actionPlan(active);
        indicators(active);
        indicators(proposed);
        String path = "/api/v1/programmes/iurc/report";

        assertThat(anonymous().get(path).statusCode()).isEqualTo(401);
        for (ServiceHttp refused : List.of(as(MEMBER), as(OTHER_PARTNER), as(BUSINESS))) {
            assertThat(refused.get(path).statusCode()).isEqualTo(403);
        }
        assertThat(http().get("/api/v1/programmes/atlantis/report").statusCode()).isEqualTo(404);

        HttpResponse<String> read = http().get(path);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode r = ServiceHttp.json(read);
        assertThat(r.path("programme").path("id").asString()).isEqualTo("iurc");
        JsonNode mine = find(r.path("partnerships"), active);
        assertThat(mine.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(mine.path("actionsByStatus").path("POSTPONED").asInt()).isEqualTo(2);
        assertThat(mine.path("indicators")).hasSize(2);
        assertThat(find(r.path("partnerships"), proposed).path("status").asString()).isEqualTo("PROPOSED");
        JsonNode totals = r.path("totals");
        int partnerships = r.path("partnerships").size();
        assertThat(totals.path("partnershipsByStatus").path("ACTIVE").asInt()
                + totals.path("partnershipsByStatus").path("PROPOSED").asInt()).isEqualTo(partnerships);
        assertThat(totals.path("actionsByStatus").path("POSTPONED").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode manual = totals.path("indicatorsByCode").valueStream()
                .filter(t -> t.path("code").asString().equals("IURC-EX-1")).findFirst().orElseThrow();
        assertThat(manual.path("partnerships").asInt()).isGreaterThanOrEqualTo(2);
        assertNoContacts(read);

        HttpResponse<String> csv = http().get(path, "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"programme-iurc-report.csv\"");
        List<CSVRecord> rows = parse(csv.body());
        assertThat(rows.stream().filter(row -> row.get("section").equals("partnership")).count())
                .isEqualTo(partnerships);
        assertThat(rows.stream().filter(row -> row.get("section").equals("indicator")
                && row.get("detail").equals(active)).count()).isEqualTo(2);
        assertThat(row(rows, "total-indicator", "IURC-EX-1").get("detail")).isEqualTo(manual.path("partnerships")
                .asString());
        assertNoContacts(csv);
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactly("section", "item", "name", "status", "theme", "from",
                    "to", "value", "baseline", "target", "unit", "progress", "detail");
            return parser.getRecords();
        }
    }

    static CSVRecord row(List<CSVRecord> rows, String section, String item) {
        return rows.stream().filter(r -> r.get("section").equals(section) && r.get("item").equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + section + "/" + item));
    }

    static JsonNode find(JsonNode items, String id) {
        return items.valueStream().filter(i -> i.path("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + items));
    }
}
