package org.urbancooperation.events.cooperationevent.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.events.cooperationevent.application.CooperationEventService;
import org.urbancooperation.events.cooperationevent.domain.AgendaVersion;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.EventFormat;
import org.urbancooperation.events.cooperationevent.domain.EventKind;
import org.urbancooperation.events.cooperationevent.domain.EventStatus;
import org.urbancooperation.events.cooperationevent.domain.Interpretation;
import org.urbancooperation.events.cooperationevent.domain.LocalTimeOffset;
import org.urbancooperation.events.cooperationevent.domain.SessionKind;
import org.urbancooperation.events.cooperationevent.domain.StatusMoveRefused;
import org.urbancooperation.events.cooperationevent.domain.Texts;
import org.urbancooperation.events.cooperationevent.domain.TimeWindow;
import org.urbancooperation.events.cooperationevent.web.CooperationEventResponses.AgendaHistoryResponse;
import org.urbancooperation.events.cooperationevent.web.CooperationEventResponses.AgendaResponse;
import org.urbancooperation.events.cooperationevent.web.CooperationEventResponses.CooperationEventPage;
import org.urbancooperation.events.cooperationevent.web.CooperationEventResponses.CooperationEventResponse;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.Patched;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;
import org.urbancooperation.support.web.Problems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Cooperation events and their agendas. Request records check only shape; the rules live once in the domain.
 * Times are entered as local times in the event's zone or as instants, and read in any zones ({@code tz}).
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Cooperation events", description = "Conferences, seminars, study tours, trade fairs and more, with "
        + "agendas shown on the clocks of any time zone")
@Validated
class CooperationEventController {

    static final String TZ = "IANA zones to show the times in, e.g. tz=Europe/Brussels&tz=Asia/Tokyo (at most 4); "
            + "default: the event's timeZones";

    record VenueRequest(@Schema(example = "Messe Essen") @NotBlank @Size(max = 300) String name,
            @Schema(example = "Norbertstraße 2") @Size(max = 300) String address,
            @Schema(example = "Essen") @Size(max = 100) String city) {
    }

    record InterpretationRequest(@Schema(example = "en") @NotBlank @Size(max = 3) String language,
            @Schema(example = "ja") @NotBlank @Size(max = 3) String otherLanguage,
            @Schema(example = "SIMULTANEOUS") @NotNull Interpretation.Mode mode,
            @Schema(example = "Channel 2") @Size(max = 100) String channel) {

        CooperationEventService.InterpretationInput input() {
            return new CooperationEventService.InterpretationInput(language, otherLanguage, mode, channel);
        }
    }

    record CreateCooperationEventRequest(
            @Schema(example = "CONFERENCE") @NotNull EventKind kind,
            @Schema(example = "HYBRID", description = "absent when not known; IN_PERSON has no onlineLink, "
                    + "ONLINE no venue") EventFormat format,
            @Schema(example = "EU-Japan 100 Cities Event on Climate Action") @NotBlank
            @Size(max = CooperationEvent.MAX_TITLE) String title,
            @Schema(description = "by ISO 639-1 code", example = "{\"en\": \"Exchange between EU and Japanese cities\"}")
            @Size(max = 10) Map<String, @Size(max = 10_000) String> descriptions,
            @Valid VenueRequest venue,
            @Schema(example = "https://example.org/live/100-cities", description = "an absolute http(s) URL")
            @Size(max = 2000) String onlineLink,
            @Schema(description = "organisation slugs, as partnership-service registered them; may be empty when "
                    + "partnershipIds names the partnerships that run it", example = "[\"iges\"]")
            @Size(max = CooperationEvent.MAX_ORGANISERS) List<@NotBlank @Size(max = 64) String> organisers,
            @Schema(description = "partnerships it belongs to, established in partnership-service")
            @Size(max = CooperationEvent.MAX_PARTNERSHIPS) List<@NotNull UUID> partnershipIds,
            @Schema(example = "iurc", description = "a programme slug registered in partnership-service")
            @Size(max = 64) String programmeId,
            @Schema(example = "[\"Kyoto\", \"Zagreb\"]") @Size(max = CooperationEvent.MAX_CITIES)
            List<@NotBlank @Size(max = 100) String> cities,
            @Schema(example = "Europe/Brussels", description = "the event's own IANA zone") @NotBlank
            @Size(max = 64) String timeZone,
            @Schema(example = "[\"Asia/Tokyo\"]", description = "more zones to show it in; the event's own comes first")
            @Size(max = CooperationEvent.MAX_TIME_ZONES) List<@NotBlank @Size(max = 64) String> timeZones,
            @Schema(example = "2023-01-25T09:00", description = "a local time on the event's clocks, or an instant "
                    + "with offset or Z; where only the day or month is known, a date (2020-10-28) or a month "
                    + "(2019-08), and endsAt the same") @NotBlank @Size(max = 40) String startsAt,
            @Schema(example = "2023-01-26T12:00", description = "after startsAt, at most 31 days later; a date or "
                    + "month is the last one, included") @NotBlank
            @Size(max = 40) String endsAt,
            @Schema(description = "which offset a local time in a DST gap or overlap means; without it such a time "
                    + "is refused") LocalTimeOffset localTimeOffset,
            @Schema(example = "[\"en\", \"ja\"]") @Size(max = CooperationEvent.MAX_LANGUAGES)
            List<@NotBlank @Size(max = 3) String> languages,
            @Size(max = 10) List<@Valid @NotNull InterpretationRequest> interpretation,
            @Schema(example = "300") @Min(1) @Max(CooperationEvent.MAX_CAPACITY) Integer capacity,
            @Schema(description = "the event's own documents (programme, flyer, report), beside its sessions' ones")
            @Size(max = CooperationEvent.MAX_MATERIALS) List<@Valid @NotNull MaterialRequest> materials) {

        CooperationEventService.EventInput input() {
            return new CooperationEventService.EventInput(kind, format, title, descriptions,
                    venue == null ? null : new CooperationEventService.VenueInput(venue.name(), venue.address(),
                            venue.city()),
                    onlineLink, organisers, partnershipIds, programmeId, cities, timeZone, timeZones, startsAt, endsAt,
                    localTimeOffset, languages, interpretations(interpretation), capacity,
                    CooperationEventController.materials(materials));
        }
    }

    /** A JSON merge patch (RFC 7396) of an event's details; a setter is called for each field in the body. */
    @Schema(name = "CooperationEventPatch", description = "JSON merge patch (RFC 7396): a field absent is kept, a "
            + "field with a value is set, a field null is removed (format, descriptions, venue, onlineLink, "
            + "organisers, partnershipIds, programmeId, cities, timeZones, languages, interpretation, capacity, "
            + "materials; kind, title and timeZone cannot be null). Lists and descriptions are replaced whole. "
            + "startsAt and endsAt may be given only unchanged: a public event's times move with /reschedule or "
            + "/postpone, which tell its participants.")
    static final class DetailsPatchRequest {
        private Patched<EventKind> kind = Patched.keep();
        private Patched<EventFormat> format = Patched.keep();
        private Patched<String> title = Patched.keep();
        private Patched<Map<String, String>> descriptions = Patched.keep();
        private Patched<VenueRequest> venue = Patched.keep();
        private Patched<String> onlineLink = Patched.keep();
        private Patched<List<String>> organisers = Patched.keep();
        private Patched<List<UUID>> partnershipIds = Patched.keep();
        private Patched<String> programmeId = Patched.keep();
        private Patched<List<String>> cities = Patched.keep();
        private Patched<String> timeZone = Patched.keep();
        private Patched<List<String>> timeZones = Patched.keep();
        private Patched<String> startsAt = Patched.keep();
        private Patched<String> endsAt = Patched.keep();
        private LocalTimeOffset localTimeOffset;
        private Patched<List<String>> languages = Patched.keep();
        private Patched<List<InterpretationRequest>> interpretation = Patched.keep();
        private Patched<Integer> capacity = Patched.keep();
        private Patched<List<MaterialRequest>> materials = Patched.keep();

        @Schema(example = "SEMINAR")
        public EventKind getKind() {
            return kind.value();
        }

        public void setKind(EventKind value) {
            kind = Patched.to(value);
        }

        @Schema(example = "HYBRID")
        public EventFormat getFormat() {
            return format.value();
        }

        public void setFormat(EventFormat value) {
            format = Patched.to(value);
        }

        @Schema(example = "EU-Japan 100 Cities Event on Climate Action", maxLength = CooperationEvent.MAX_TITLE)
        public String getTitle() {
            return title.value();
        }

        public void setTitle(String value) {
            title = Patched.to(value);
        }

        @Schema(description = "by ISO 639-1 code; replaces all descriptions",
                example = "{\"en\": \"Exchange between EU and Japanese cities\"}")
        public Map<String, String> getDescriptions() {
            return descriptions.value();
        }

        public void setDescriptions(Map<String, String> value) {
            descriptions = Patched.to(value);
        }

        public VenueRequest getVenue() {
            return venue.value();
        }

        public void setVenue(VenueRequest value) {
            venue = Patched.to(value);
        }

        @Schema(example = "https://example.org/live/100-cities")
        public String getOnlineLink() {
            return onlineLink.value();
        }

        public void setOnlineLink(String value) {
            onlineLink = Patched.to(value);
        }

        @Schema(example = "[\"iges\"]")
        public List<String> getOrganisers() {
            return organisers.value();
        }

        public void setOrganisers(List<String> value) {
            organisers = Patched.to(value);
        }

        public List<UUID> getPartnershipIds() {
            return partnershipIds.value();
        }

        public void setPartnershipIds(List<UUID> value) {
            partnershipIds = Patched.to(value);
        }

        @Schema(example = "iurc")
        public String getProgrammeId() {
            return programmeId.value();
        }

        public void setProgrammeId(String value) {
            programmeId = Patched.to(value);
        }

        @Schema(example = "[\"Kyoto\", \"Zagreb\"]")
        public List<String> getCities() {
            return cities.value();
        }

        public void setCities(List<String> value) {
            cities = Patched.to(value);
        }

        @Schema(example = "Europe/Brussels", description = "the event's own IANA zone; its instants stay")
        public String getTimeZone() {
            return timeZone.value();
        }

        public void setTimeZone(String value) {
            timeZone = Patched.to(value);
        }

        @Schema(example = "[\"Asia/Tokyo\"]", description = "more zones to show it in; the event's own comes first")
        public List<String> getTimeZones() {
            return timeZones.value();
        }

        public void setTimeZones(List<String> value) {
            timeZones = Patched.to(value);
        }

        @Schema(example = "2023-01-25T09:00", description = "only as it is (a read-modify-write may send it back); "
                + "to move it, POST /reschedule")
        public String getStartsAt() {
            return startsAt.value();
        }

        public void setStartsAt(String value) {
            startsAt = Patched.to(value);
        }

        @Schema(example = "2023-01-26T12:00", description = "only as it is; to move it, POST /reschedule")
        public String getEndsAt() {
            return endsAt.value();
        }

        public void setEndsAt(String value) {
            endsAt = Patched.to(value);
        }

        public LocalTimeOffset getLocalTimeOffset() {
            return localTimeOffset;
        }

        public void setLocalTimeOffset(LocalTimeOffset value) {
            localTimeOffset = value;
        }

        @Schema(example = "[\"en\", \"ja\"]")
        public List<String> getLanguages() {
            return languages.value();
        }

        public void setLanguages(List<String> value) {
            languages = Patched.to(value);
        }

        public List<InterpretationRequest> getInterpretation() {
            return interpretation.value();
        }

        public void setInterpretation(List<InterpretationRequest> value) {
            interpretation = Patched.to(value);
        }

        @Schema(example = "300")
        public Integer getCapacity() {
            return capacity.value();
        }

        public void setCapacity(Integer value) {
            capacity = Patched.to(value);
        }

        public List<MaterialRequest> getMaterials() {
            return materials.value();
        }

        public void setMaterials(List<MaterialRequest> value) {
            materials = Patched.to(value);
        }

        CooperationEventService.DetailsPatch patch() {
            return new CooperationEventService.DetailsPatch(kind, format, title, descriptions,
                    mapped(venue, v -> v == null ? null : new CooperationEventService.VenueInput(v.name(),
                            v.address(), v.city())),
                    onlineLink, organisers, partnershipIds, programmeId, cities, timeZone, timeZones, startsAt, endsAt,
                    localTimeOffset, languages, mapped(interpretation, CooperationEventController::interpretations),
                    capacity, mapped(materials, CooperationEventController::materials));
        }

        private static <T, R> Patched<R> mapped(Patched<T> patched, java.util.function.Function<T, R> mapping) {
            return patched.given() ? Patched.to(mapping.apply(patched.value())) : Patched.keep();
        }
    }

    record RescheduleRequest(
            @Schema(example = "2023-01-25T09:30") @NotBlank @Size(max = 40) String startsAt,
            @Schema(example = "2023-01-26T12:00") @NotBlank @Size(max = 40) String endsAt,
            LocalTimeOffset localTimeOffset) {
    }

    record PostponeRequest(
            @Schema(example = "2023-02-01T09:00") @NotBlank @Size(max = 40) String startsAt,
            @Schema(example = "2023-02-02T12:00") @NotBlank @Size(max = 40) String endsAt,
            LocalTimeOffset localTimeOffset,
            @Schema(example = "The venue is not available") @NotBlank @Size(max = 1000) String reason) {
    }

    record ReasonRequest(@Schema(example = "Travel restrictions") @NotBlank @Size(max = 1000) String reason) {
    }

    record SpeakerRequest(
            @Schema(example = "Jean-Eric Paquet") @NotBlank @Size(max = 200) String name,
            @Schema(example = "Ambassador of the European Union (EU) to Japan") @Size(max = 300) String title,
            @Schema(example = "Delegation of the European Union to Japan") @Size(max = 300) String organisation,
            @Size(max = 100) String city, @Size(max = 100) String country,
            @Schema(description = "speaks by a recorded video message") Boolean videoMessage) {

        CooperationEventService.SpeakerInput input() {
            return new CooperationEventService.SpeakerInput(name, title, organisation, city, country, videoMessage);
        }
    }

    record MaterialRequest(@Schema(example = "Presentation (PDF)") @NotBlank @Size(max = 300) String title,
            @Schema(example = "https://example.org/materials/panel-1.pdf") @Size(max = 2000) String url,
            @Schema(example = "en") @Size(max = 3) String language,
            @Schema(example = "application/pdf") @Size(max = 127) String mediaType,
            @Schema(example = "919210") @Min(0) Long sizeBytes) {
    }

    record SessionRequest(
            @Schema(description = "the id read from the agenda, to keep a session across versions; absent for a "
                    + "new one") UUID id,
            @Schema(example = "PANEL") @NotNull SessionKind kind,
            @Schema(example = "{\"en\": \"Panel 1: Energy Security and Resilience\"}") @Size(max = 10)
            Map<String, @Size(max = 300) String> titles,
            @Schema(example = "{\"en\": \"How cities increase energy security and resilience\"}") @Size(max = 10)
            Map<String, @Size(max = 5000) String> descriptions,
            @Schema(example = "2023-01-25T09:45") @NotBlank @Size(max = 40) String startsAt,
            @Schema(example = "2023-01-25T10:40") @NotBlank @Size(max = 40) String endsAt,
            @Size(max = 200) String room, @Size(max = 200) String channel,
            @Size(max = 50) List<@Valid @NotNull SpeakerRequest> speakers,
            @Size(max = 50) List<@Valid @NotNull SpeakerRequest> moderators,
            @Size(max = 50) List<@Valid @NotNull MaterialRequest> materials,
            @Schema(example = "[\"en\", \"ja\"]") @Size(max = CooperationEvent.MAX_LANGUAGES)
            List<@NotBlank @Size(max = 3) String> languages,
            @Size(max = 10) List<@Valid @NotNull InterpretationRequest> interpretation) {

        CooperationEventService.SessionInput input() {
            return new CooperationEventService.SessionInput(id, kind, titles, descriptions, startsAt, endsAt, room,
                    channel, CooperationEventController.speakers(speakers), CooperationEventController.speakers(moderators),
                    CooperationEventController.materials(materials),
                    languages, interpretations(interpretation));
        }
    }

    record AgendaRequest(@NotNull @Size(max = CooperationEvent.MAX_SESSIONS) List<@Valid @NotNull SessionRequest>
            sessions, LocalTimeOffset localTimeOffset) {
    }

    private final CooperationEventService cooperationEvents;

    CooperationEventController(CooperationEventService cooperationEvents) {
        this.cooperationEvents = cooperationEvents;
    }

    @PostMapping
    @Operation(summary = "Create a cooperation event as a draft (operators; partner staff of an organiser or of a "
            + "partner of one of its partnerships)")
    @ApiResponse(responseCode = "201", description = "Created as DRAFT; Location and ETag name it")
    @ApiResponse(responseCode = "400", description = "A field is invalid, or a local time falls in a DST gap or "
            + "overlap without localTimeOffset; the problem's errors name it", content = @Content(mediaType =
            "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "An organiser, partnership or programme is not known to this "
            + "service", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CooperationEventResponse> create(@Valid @RequestBody CreateCooperationEventRequest request,
            Caller caller) {
        Versioned<CooperationEvent> created = cooperationEvents.create(caller, request.input());
        return ResponseEntity.created(URI.create("/api/v1/events/" + created.aggregate().id()))
                .eTag(ETags.of(created.version())).body(CooperationEventResponse.of(created, List.of()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a cooperation event, its times on the clocks of each zone asked for (anybody when "
            + "published; a draft only its organisers)")
    ResponseEntity<CooperationEventResponse> get(@PathVariable UUID id,
            @Parameter(description = TZ, array = @ArraySchema(schema = @Schema(example = "Asia/Tokyo"), maxItems = 4))
            @RequestParam(name = "tz", required = false) List<String> tz, Caller caller) {
        List<ZoneId> zones = zones(tz);
        return respond(cooperationEvents.get(caller, id), zones);
    }

    @GetMapping
    @Operation(summary = "List cooperation events, one page at a time",
            description = "Published ones for everybody, drafts also for their organisers' staff and operators. In id "
                    + "order, which no change moves: follow next as cursor until it is null.")
    @ApiResponse(responseCode = "200", description = "One page; next is the cursor of the following one, null on the last")
    @ApiResponse(responseCode = "400", description = "A filter, cursor (not a next value of this list, unchanged), "
            + "limit (1 to 200) or tz is invalid; the problem's errors name it", content = @Content(mediaType =
            "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    CooperationEventPage list(@RequestParam(required = false) UUID partnershipId,
            @Parameter(description = "an organisation slug", example = "iges")
            @RequestParam(required = false) @Size(max = 64) String organiser,
            @RequestParam(required = false) EventStatus status, @RequestParam(required = false) EventKind kind,
            @Parameter(description = "a city the event is in (its cities or its venue's), in any letter case",
                    example = "Koriyama") @RequestParam(required = false) @Size(max = 100) String city,
            @Parameter(description = "a programme slug", example = "iurc")
            @RequestParam(required = false) @Size(max = 64) String programme,
            @Parameter(description = "an ISO 639-1 code among the event's languages", example = "ja")
            @RequestParam(required = false) @Size(max = 3) String language,
            @Parameter(description = "events still running at or after: a date (its day on the clocks of the first "
                    + "tz) or an instant with Z or offset", example = "2023-01-25")
            @RequestParam(required = false) @Size(max = 40) String from,
            @Parameter(description = "events starting before: a date (up to the end of that day on the clocks of the "
                    + "first tz) or an instant with Z or offset (exclusive)", example = "2023-01-26")
            @RequestParam(required = false) @Size(max = 40) String to,
            @Parameter(description = "next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "at most this many events (1 to 200, default 50)")
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @Parameter(description = TZ + "; the first is also the zone whose days from and to name",
                    array = @ArraySchema(schema = @Schema(example = "Asia/Tokyo"), maxItems = 4))
            @RequestParam(name = "tz", required = false) List<String> tz, Caller caller) {
        List<ZoneId> zones = zones(tz);
        CooperationEventService.ListFilter filter = new CooperationEventService.ListFilter(partnershipId, organiser,
                status, kind, city == null ? null : Require.visibleText("city", city, 100),
                programme == null ? null : Require.slug("programme", programme, "iurc"),
                language == null ? null : Texts.language("language", language),
                TimeWindow.parse(from, to, zones.isEmpty() ? null : zones.get(0)));
        return CooperationEventPage.of(cooperationEvents.list(caller, filter, PageRequest.of(cursor, limit)), zones);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change a draft's or a public event's details with a JSON merge patch (operators; partner "
            + "staff of an organiser or of a partner of one of its partnerships; If-Match recommended)",
            description = "Not its times: startsAt and endsAt may be sent only unchanged; a public event moves with "
                    + "/reschedule or /postpone. A public event's change is announced as "
                    + "events.CooperationEventChanged.")
    @ApiResponse(responseCode = "200", description = "Changed (or nothing to change); the ETag is the version")
    @ApiResponse(responseCode = "400", description = "A field is invalid, or startsAt/endsAt differ from the "
            + "event's (use /reschedule); the problem's errors name it", content = @Content(mediaType =
            "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The event is CANCELLED or COMPLETED: the problem names "
            + "currentStatus", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "An organiser, partnership or programme is not known to this "
            + "service", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CooperationEventResponse> changeDetails(@PathVariable UUID id,
            @RequestBody DetailsPatchRequest request,
            @Parameter(description = "the ETag read, e.g. \"3\"") @RequestHeader(name = "If-Match", required = false)
            String ifMatch, Caller caller) {
        return respond(cooperationEvents.changeDetails(caller, id, request.patch(), ETags.expected(ifMatch)),
                List.of());
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft, and its agenda as version 1 (If-Match recommended)")
    @ApiResponse(responseCode = "200", description = "Published; the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Not a DRAFT: the problem names currentStatus",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    ResponseEntity<CooperationEventResponse> publish(@PathVariable UUID id,
            @Parameter(description = "the ETag read, e.g. \"3\"") @RequestHeader(name = "If-Match", required = false)
            String ifMatch, Caller caller) {
        return respond(cooperationEvents.publish(caller, id, ETags.expected(ifMatch)), List.of());
    }

    @PostMapping("/{id}/reschedule")
    @Operation(summary = "Move a draft's or a published event's start and end (If-Match recommended)")
    ResponseEntity<CooperationEventResponse> reschedule(@PathVariable UUID id,
            @Valid @RequestBody RescheduleRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return respond(cooperationEvents.reschedule(caller, id, request.startsAt(), request.endsAt(),
                request.localTimeOffset(), ETags.expected(ifMatch)), List.of());
    }

    @PostMapping("/{id}/postpone")
    @Operation(summary = "Postpone a published event to new dates, with a reason (If-Match recommended)")
    ResponseEntity<CooperationEventResponse> postpone(@PathVariable UUID id,
            @Valid @RequestBody PostponeRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return respond(cooperationEvents.postpone(caller, id, request.startsAt(), request.endsAt(),
                request.localTimeOffset(), request.reason(), ETags.expected(ifMatch)), List.of());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an event, with a reason (If-Match recommended)")
    ResponseEntity<CooperationEventResponse> cancel(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return respond(cooperationEvents.cancel(caller, id, request.reason(), ETags.expected(ifMatch)), List.of());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Record that a published event took place, once it has ended (If-Match recommended)")
    ResponseEntity<CooperationEventResponse> complete(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return respond(cooperationEvents.complete(caller, id, ETags.expected(ifMatch)), List.of());
    }

    @PutMapping("/{id}/agenda")
    @Operation(summary = "Replace the working agenda (organisers); readers see it once published")
    @ApiResponse(responseCode = "200", description = "The working agenda as stored; the ETag is the new version")
    @ApiResponse(responseCode = "400", description = "A session is invalid or outside the event; the problem names "
            + "it, e.g. sessions[3].startsAt", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<AgendaResponse> changeAgenda(@PathVariable UUID id, @Valid @RequestBody AgendaRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        Versioned<CooperationEvent> changed = cooperationEvents.changeAgenda(caller, id,
                request.sessions().stream().map(SessionRequest::input).toList(), request.localTimeOffset(),
                ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(workingAgenda(changed, List.of()));
    }

    @GetMapping("/{id}/agenda/draft")
    @Operation(summary = "Read the working agenda (organisers)")
    ResponseEntity<AgendaResponse> workingAgenda(@PathVariable UUID id,
            @Parameter(description = TZ, array = @ArraySchema(schema = @Schema(example = "Asia/Tokyo"), maxItems = 4))
            @RequestParam(name = "tz", required = false) List<String> tz, Caller caller) {
        List<ZoneId> zones = zones(tz);
        Versioned<CooperationEvent> found = cooperationEvents.getForOrganisers(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(workingAgenda(found, zones));
    }

    @PostMapping("/{id}/agenda/publish")
    @Operation(summary = "Publish the working agenda as the next version, with its change list (If-Match "
            + "recommended)")
    @ApiResponse(responseCode = "200", description = "The version just published, with its change list")
    @ApiResponse(responseCode = "409", description = "The event is a draft, cancelled or completed (an unchanged "
            + "agenda answers its current version)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<AgendaResponse> publishAgenda(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        Versioned<CooperationEvent> published = cooperationEvents.publishAgenda(caller, id, ETags.expected(ifMatch));
        CooperationEvent e = published.aggregate();
        return ResponseEntity.ok().eTag(ETags.of(published.version()))
                .body(AgendaResponse.of(e, e.latestAgenda().orElseThrow(), List.of()));
    }

    @GetMapping("/{id}/agenda")
    @Operation(summary = "Read the latest published agenda, by day, on the clocks of each zone asked for")
    @ApiResponse(responseCode = "200", description = "The latest published agenda")
    @ApiResponse(responseCode = "404", description = "No such event, or no agenda published yet",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    AgendaResponse agenda(@PathVariable UUID id,
            @Parameter(description = TZ, array = @ArraySchema(schema = @Schema(example = "Asia/Tokyo"), maxItems = 4))
            @RequestParam(name = "tz", required = false) List<String> tz, Caller caller) {
        List<ZoneId> zones = zones(tz);
        CooperationEvent e = cooperationEvents.get(caller, id).aggregate();
        AgendaVersion latest = e.latestAgenda().orElseThrow(() -> new NotFoundException("Agenda of cooperation event",
                id));
        return AgendaResponse.of(e, latest, zones);
    }

    @GetMapping("/{id}/agenda/versions")
    @Operation(summary = "The history of published agenda versions, each with its change list")
    AgendaHistoryResponse agendaHistory(@PathVariable UUID id, Caller caller) {
        return AgendaHistoryResponse.of(cooperationEvents.get(caller, id).aggregate());
    }

    @GetMapping("/{id}/agenda/versions/{number}")
    @Operation(summary = "Read one published agenda version")
    AgendaResponse agendaVersion(@PathVariable UUID id, @PathVariable @Min(1) @Max(100_000) int number,
            @Parameter(description = TZ, array = @ArraySchema(schema = @Schema(example = "Asia/Tokyo"), maxItems = 4))
            @RequestParam(name = "tz", required = false) List<String> tz, Caller caller) {
        List<ZoneId> zones = zones(tz);
        CooperationEvent e = cooperationEvents.get(caller, id).aggregate();
        if (number > e.agendaVersions().size()) {
            throw new NotFoundException("Agenda version " + number + " of cooperation event", id);
        }
        return AgendaResponse.of(e, e.agendaVersions().get(number - 1), zones);
    }

    /** A refused lifecycle move: 409 naming the current status and the moves allowed from it. */
    @ExceptionHandler(StatusMoveRefused.class)
    ResponseEntity<ProblemDetail> statusMoveRefused(StatusMoveRefused e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation", "Not allowed in the current state",
                e.getMessage());
        problem.setProperty("currentStatus", e.current().name());
        problem.setProperty("allowedMoves", e.allowed().stream().map(Enum::name).sorted().toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<CooperationEventResponse> respond(Versioned<CooperationEvent> v, List<ZoneId> zones) {
        return ResponseEntity.ok().eTag(ETags.of(v.version())).body(CooperationEventResponse.of(v, zones));
    }

    private static AgendaResponse workingAgenda(Versioned<CooperationEvent> v, List<ZoneId> zones) {
        CooperationEvent e = v.aggregate();
        return AgendaResponse.of(e, null, null, e.agenda(), List.of(), zones);
    }

    /** The zones a reader asked for; a name that is not an IANA zone is a 400 naming tz. */
    private static List<ZoneId> zones(List<String> tz) {
        if (tz == null) {
            return List.of();
        }
        Require.size("tz", tz, 0, CooperationEvent.MAX_TIME_ZONES);
        return tz.stream().map(id -> Require.timeZone("tz", id)).distinct().toList();
    }

    private static List<CooperationEventService.InterpretationInput> interpretations(
            List<InterpretationRequest> pairs) {
        return pairs == null ? null : pairs.stream().map(p -> p == null ? null : p.input()).toList();
    }

    private static List<CooperationEventService.MaterialInput> materials(List<MaterialRequest> materials) {
        return materials == null ? null : materials.stream().map(m -> m == null ? null
                : new CooperationEventService.MaterialInput(m.title(), m.url(), m.language(), m.mediaType(),
                        m.sizeBytes())).toList();
    }

    private static List<CooperationEventService.SpeakerInput> speakers(List<SpeakerRequest> people) {
        return people == null ? null : people.stream().map(SpeakerRequest::input).toList();
    }
}
