package org.urbancooperation.matching.matchingevent.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.matching.matchingevent.application.ParticipantService;
import org.urbancooperation.matching.matchingevent.domain.Availability;
import org.urbancooperation.matching.matchingevent.domain.MeetingConstraints;
import org.urbancooperation.matching.matchingevent.domain.Participant;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The businesses taking part in a matching event, with when they are free and how many meetings they want. */
@RestController
@RequestMapping(ParticipantController.BASE)
@Tag(name = "Matching event participants", description = "Businesses of the partnership's cities taking part in "
        + "a matching event: availability within the event and the most meetings wanted")
class ParticipantController {

    static final String BASE = "/api/v1/matching/events/{id}/participants";
    private static final String IF_MATCH = "the ETag read, e.g. \"3\"; a change made meanwhile is then a 412";
    private static final String PROBLEM = "application/problem+json";

    record Span(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2020-11-18T08:00:00Z") Instant startsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2020-11-18T10:00:00Z") Instant endsAt) {
    }

    record ParticipationBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 50 spans within the matching "
                    + "event, not overlapping") List<Span> availability,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "4",
                    description = "1 to the event's number of slots") Integer maxMeetings,
            @Schema(description = "ISO 639-1 languages it meets in (absent: its profile's); two participants without "
                    + "a common one need an interpreter", example = "[\"de\", \"en\"]") List<String> languages,
            @Schema(description = "the IANA zone its business hours are in (absent: its profile's)",
                    example = "Europe/Berlin") String timeZone,
            @Schema(description = "its business hours on its own clocks (absent: none); meetings inside both sides' "
                    + "hours are preferred") BusinessHoursBody businessHours,
            @Schema(description = "true: it meets only inside its business hours (needs businessHours)")
            Boolean onlyInsideBusinessHours) {

        MeetingConstraints constraints() {
            return MeetingConstraints.of(languages, timeZone, businessHours == null ? null : businessHours.from(),
                    businessHours == null ? null : businessHours.to(), onlyInsideBusinessHours);
        }

        List<Availability> spans() {
            return availability == null ? null
                    : availability.stream().map(s -> s == null ? null : new Availability(s.startsAt(), s.endsAt()))
                            .toList();
        }
    }

    record JoinRequest(
            @Schema(example = "hospitals-essen", description = "the business (a business joins only itself and may "
                    + "leave this out; operators name one)") String businessId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 50 spans within the matching "
                    + "event, not overlapping") List<Span> availability,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "4",
                    description = "1 to the event's number of slots") Integer maxMeetings,
            @Schema(description = "ISO 639-1 languages it meets in (absent: its profile's); two participants without "
                    + "a common one need an interpreter", example = "[\"de\", \"en\"]") List<String> languages,
            @Schema(description = "the IANA zone its business hours are in (absent: its profile's)",
                    example = "Europe/Berlin") String timeZone,
            @Schema(description = "its business hours on its own clocks (absent: none); meetings inside both sides' "
                    + "hours are preferred") BusinessHoursBody businessHours,
            @Schema(description = "true: it meets only inside its business hours (needs businessHours)")
            Boolean onlyInsideBusinessHours) {

        ParticipationBody body() {
            return new ParticipationBody(availability, maxMeetings, languages, timeZone, businessHours,
                    onlyInsideBusinessHours);
        }
    }

    @Schema(description = "Business hours on the participant's own clocks, e.g. 09:00 to 11:00")
    record BusinessHoursBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "09:00") LocalTime from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "11:00") LocalTime to) {
    }

    record ParticipantResponse(UUID matchingEventId, String businessId, List<Span> availability, int maxMeetings,
            @Schema(types = {"array", "null"}, description = "null: its profile's") List<String> languages,
            @Schema(types = {"string", "null"}, description = "null: its profile's") String timeZone,
            @Schema(types = {"object", "null"}) BusinessHoursBody businessHours, boolean onlyInsideBusinessHours,
            boolean withdrawn, long version) {

        static ParticipantResponse of(Versioned<Participant> v) {
            Participant p = v.aggregate();
            MeetingConstraints c = p.constraints();
            return new ParticipantResponse(p.matchingEventId(), p.businessId(),
                    p.availability().stream().map(a -> new Span(a.startsAt(), a.endsAt())).toList(), p.maxMeetings(),
                    c.languages(), c.timeZone() == null ? null : c.timeZone().getId(),
                    c.hasBusinessHours() ? new BusinessHoursBody(c.hoursFrom(), c.hoursTo()) : null,
                    c.onlyInsideBusinessHours(), p.withdrawn(), v.version());
        }
    }

    private final ParticipantService participants;

    ParticipantController(ParticipantService participants) {
        this.participants = participants;
    }

    @PostMapping
    @Operation(summary = "Take part in a matching event (a business of one of the partnership's cities, for itself; "
            + "operators for any)")
    @ApiResponse(responseCode = "201", description = "Taking part; Location and ETag name the participation")
    @ApiResponse(responseCode = "409", description = "It takes part already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "businessId has no profile, or is of none of the "
            + "partnership's cities", content = @Content(mediaType = PROBLEM,
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ParticipantResponse> join(Caller caller, @PathVariable UUID id, @RequestBody JoinRequest request) {
        ParticipationBody body = request.body();
        Versioned<Participant> joined = participants.join(caller, id, request.businessId(), body.spans(),
                request.maxMeetings(), body.constraints());
        return ResponseEntity.created(URI.create("/api/v1/matching/events/" + id + "/participants/"
                + joined.aggregate().businessId())).eTag(ETags.of(joined.version()))
                .body(ParticipantResponse.of(joined));
    }

    @GetMapping
    @Operation(summary = "List the participants, a page at a time (operators and the partnership's partner staff "
            + "all; a business only its own)")
    @ApiResponse(responseCode = "200", description = "A page; next is the cursor of the following page")
    @ApiResponse(responseCode = "400", description = "The cursor or the limit is invalid; the problem names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Page<ParticipantResponse> list(Caller caller, @PathVariable UUID id,
            @Parameter(description = "the next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (default 50)")
            @RequestParam(required = false) Integer limit) {
        return participants.list(caller, id, PageRequest.of(cursor, limit)).map(ParticipantResponse::of);
    }

    @GetMapping("/{businessId}")
    @Operation(summary = "Read a participation (the business itself, the partnership's partner staff, operators)")
    ResponseEntity<ParticipantResponse> get(Caller caller, @PathVariable UUID id, @PathVariable String businessId) {
        return answer(participants.get(caller, id, businessId));
    }

    @PutMapping("/{businessId}")
    @Operation(summary = "Replace availability, maxMeetings and the meeting constraints (the business itself, "
            + "operators); a withdrawn participant takes part again")
    @ApiResponse(responseCode = "200", description = "Replaced; the ETag is the new version")
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ParticipantResponse> change(Caller caller, @PathVariable UUID id, @PathVariable String businessId,
            @RequestBody ParticipationBody request,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(participants.change(caller, id, businessId, request.spans(), request.maxMeetings(),
                request.constraints(), ETags.expected(ifMatch)));
    }

    /** DELETE, as the end of a participation: it stays readable, withdrawn. */
    @DeleteMapping("/{businessId}")
    @Operation(summary = "Withdraw from the matching event (the business itself, operators)")
    @ApiResponse(responseCode = "200", description = "Withdrawn; the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Withdrawn already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ParticipantResponse> withdraw(Caller caller, @PathVariable UUID id, @PathVariable String businessId,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(participants.withdraw(caller, id, businessId, ETags.expected(ifMatch)));
    }

    private static ResponseEntity<ParticipantResponse> answer(Versioned<Participant> v) {
        return ResponseEntity.ok().eTag(ETags.of(v.version())).body(ParticipantResponse.of(v));
    }
}
