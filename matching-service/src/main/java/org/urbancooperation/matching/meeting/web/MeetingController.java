package org.urbancooperation.matching.meeting.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.matching.meeting.application.MeetingService;
import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.matching.meeting.domain.MeetingStatus;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ZonedTimes;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * B2B meetings of matching events, as schedule releases made them: read (with the slot on each participant's clocks,
 * or on the zones asked for), check in, record the outcome.
 */
@RestController
@RequestMapping("/api/v1/matching/meetings")
@Tag(name = "Meetings", description = "1:1 B2B meetings of matching events: times in each participant's zone, "
        + "check-in, held or no-show")
@Validated
class MeetingController {

    private static final String PROBLEM = "application/problem+json";
    private static final String IF_MATCH = "the ETag read, e.g. \"3\"; a change made meanwhile is then a 412";
    static final int MAX_ZONES = 4;
    static final String TZ = "IANA zones to show the slot in, e.g. tz=Asia/Tokyo&tz=Europe/Berlin (at most 4); "
            + "default: each participant's own zone (its profile's)";

    @Schema(description = "The slot on one zone's clocks")
    record LocalTimesResponse(
            @Schema(example = "Asia/Tokyo") String timeZone,
            @Schema(example = "2020-11-18T17:00:00+09:00") OffsetDateTime startsAt,
            @Schema(example = "2020-11-18T17:30:00+09:00") OffsetDateTime endsAt,
            @Schema(description = "the zone's short name at the start (CET, CEST, JST); null where it has none",
                    types = {"string", "null"}, example = "JST") String startZoneName,
            @Schema(types = {"string", "null"}, example = "JST") String endZoneName,
            @Schema(description = "days between the start's date here and on the matching event's clocks (UTC for "
                    + "an event without a zone; +1: already the next day here)", example = "0") int startDayShift,
            @Schema(example = "0") int endDayShift) {

        static LocalTimesResponse of(Instant start, Instant end, ZoneId zone, ZoneId eventZone) {
            ZonedTimes.TimeInZone s = ZonedTimes.TimeInZone.of(start, zone, eventZone);
            ZonedTimes.TimeInZone e = ZonedTimes.TimeInZone.of(end, zone, eventZone);
            return new LocalTimesResponse(zone.getId(), s.localTime(), e.localTime(), s.zoneName(), e.zoneName(),
                    s.dayShift(), e.dayShift());
        }
    }

    record MeetingResponse(UUID id, UUID matchingEventId, UUID partnershipId, String matchId,
            @Schema(description = "the two businesses (profile ids)") List<String> businessIds,
            @Schema(description = "the matching event's slot number, from 1") int slot, Instant startsAt,
            Instant endsAt, @Schema(description = "the slot in the zones asked for") List<LocalTimesResponse> localTimes,
            @Schema(description = "table or virtual room, from 1") int table,
            @Schema(types = {"string", "null"}) String roomLink,
            @Schema(types = {"string", "null"}, example = "de-ja") String interpreter,
            @Schema(description = "SCHEDULED, HELD, NO_SHOW or CANCELLED") String status,
            @Schema(description = "the businesses that checked in") List<String> checkedIn,
            @Schema(types = {"string", "null"}, description = "why it was cancelled") String statusReason,
            @Schema(description = "raised by every reschedule and the cancellation (a calendar's SEQUENCE)")
            int sequence, long version) {

        static MeetingResponse of(Versioned<Meeting> v, List<ZoneId> zones, ZoneId eventZone) {
            Meeting m = v.aggregate();
            return new MeetingResponse(m.id(), m.matchingEventId(), m.partnershipId(), m.matchId(),
                    List.of(m.participantA(), m.participantB()), m.slot(), m.startsAt(), m.endsAt(),
                    zones.stream().map(z -> LocalTimesResponse.of(m.startsAt(), m.endsAt(), z, eventZone)).toList(), m.table(),
                    m.roomLink(), m.interpreter() == null ? null : m.interpreter().toString(), m.status().name(),
                    List.copyOf(m.checkedIn()), m.statusReason(), m.sequence(), v.version());
        }
    }

    record OutcomeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"HELD", "NO_SHOW"},
            description = "HELD: it took place; NO_SHOW: somebody missed it (after its slot only)") String status) {
    }

    /** One page of meetings: the platform's one list shape. */
    record MeetingPage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<MeetingResponse> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "null"},
                    description = "the cursor of the next page, for the cursor parameter; null on the last page")
            String next) {
    }

    private final MeetingService meetings;

    MeetingController(MeetingService meetings) {
        this.meetings = meetings;
    }

    @GetMapping
    @Operation(summary = "List meetings: a business its own, partner staff their partnerships' matching events', "
            + "operators all",
            description = "In id order, which no change moves: follow next as cursor until it is null. The slot is "
                    + "shown in the zones asked for (tz), none by default.")
    @ApiResponse(responseCode = "200", description = "One page; next is the cursor of the following one")
    @ApiResponse(responseCode = "400", description = "status, tz, cursor or limit is invalid; the problem names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    MeetingPage list(Caller caller, @RequestParam(required = false) UUID matchingEventId,
            @Parameter(description = "SCHEDULED, HELD, NO_SHOW or CANCELLED", schema = @Schema(allowableValues = {
                    "SCHEDULED", "HELD", "NO_SHOW", "CANCELLED"})) @RequestParam(required = false) String status,
            @Parameter(description = "next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "at most this many meetings (1 to 200, default 50)")
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @Parameter(description = TZ, array = @ArraySchema(schema = @Schema(example = "Asia/Tokyo"),
                    maxItems = MAX_ZONES)) @RequestParam(name = "tz", required = false) List<String> tz) {
        List<ZoneId> zones = zones(tz);
        Page<Versioned<Meeting>> page = meetings.list(caller, matchingEventId, status(status),
                PageRequest.of(cursor, limit));
        // A page's meetings are mostly of one or a few matching events: each event's zone is read once.
        java.util.Map<UUID, ZoneId> eventZones = new java.util.HashMap<>();
        return new MeetingPage(page.items().stream().map(v -> MeetingResponse.of(v, zones,
                zones.isEmpty() ? ZoneOffset.UTC : eventZones.computeIfAbsent(v.aggregate().matchingEventId(),
                        event -> meetings.referenceZone(v.aggregate())))).toList(), page.next());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a meeting with its slot on each participant's clocks (or the zones asked for)")
    @ApiResponse(responseCode = "200", description = "The meeting; its ETag is its version")
    @ApiResponse(responseCode = "404", description = "No such meeting, or not one of yours (a business)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MeetingResponse> get(Caller caller, @PathVariable UUID id,
            @Parameter(description = TZ, array = @ArraySchema(schema = @Schema(example = "Asia/Tokyo"),
                    maxItems = MAX_ZONES)) @RequestParam(name = "tz", required = false) List<String> tz) {
        List<ZoneId> asked = zones(tz);
        Versioned<Meeting> found = meetings.get(caller, id);
        List<ZoneId> zones = asked.isEmpty() ? meetings.participantZones(found.aggregate()) : asked;
        return ResponseEntity.ok().eTag(ETags.of(found.version()))
                .body(MeetingResponse.of(found, zones, meetings.referenceZone(found.aggregate())));
    }

    @PostMapping("/{id}/check-in")
    @Operation(summary = "Check in to your meeting (either business), from 15 minutes before its slot to its end; "
            + "once both checked in it is HELD (matching.MeetingHeld)")
    @ApiResponse(responseCode = "200", description = "Checked in; the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Outside the check-in window, or the meeting is not SCHEDULED",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MeetingResponse> checkIn(Caller caller, @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versioned<Meeting> changed = meetings.checkIn(caller, id, ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(MeetingResponse.of(changed, List.of(), ZoneOffset.UTC));
    }

    @PostMapping("/{id}/outcome")
    @Operation(summary = "Record that the meeting was HELD or a NO_SHOW (operators and the organising partnership's "
            + "staff); a meeting nobody closed is closed by the service a while after its slot")
    @ApiResponse(responseCode = "200", description = "Recorded; matching.MeetingHeld or MeetingNoShow is published")
    @ApiResponse(responseCode = "409", description = "A cancelled meeting, or NO_SHOW before the slot ended",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MeetingResponse> outcome(Caller caller, @PathVariable UUID id, @RequestBody OutcomeRequest request,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versioned<Meeting> changed = meetings.recordOutcome(caller, id, request.status(), ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(MeetingResponse.of(changed, List.of(), ZoneOffset.UTC));
    }

    /** The zones a reader asked for; a name that is not an IANA zone is a 400 naming tz. */
    private static List<ZoneId> zones(List<String> tz) {
        if (tz == null) {
            return List.of();
        }
        Require.size("tz", tz, 0, MAX_ZONES);
        return tz.stream().map(id -> Require.timeZone("tz", id)).distinct().toList();
    }

    private static MeetingStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return MeetingStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status", "status is SCHEDULED, HELD, NO_SHOW or CANCELLED");
        }
    }
}
