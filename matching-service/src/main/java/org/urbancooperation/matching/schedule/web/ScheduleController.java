package org.urbancooperation.matching.schedule.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.matching.schedule.application.ScheduleService;
import org.urbancooperation.matching.schedule.domain.PlacedMeeting;
import org.urbancooperation.matching.schedule.domain.ScheduleChange;
import org.urbancooperation.matching.schedule.domain.ScheduleRelease;
import org.urbancooperation.matching.schedule.domain.ScheduleStatistics;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A matching event's schedule: a dry run (preview) of the scheduler for the organisers, then numbered releases. The
 * schedule's ETag is the number of its latest release ("0" before the first): a release sent with the If-Match of the
 * preview it follows is refused (412) when somebody released meanwhile.
 */
@RestController
@RequestMapping("/api/v1/matching/events/{id}/schedule")
@Tag(name = "Schedules", description = "Preview and release a matching event's 1:1 meeting schedule")
@Validated
class ScheduleController {

    private static final String PROBLEM = "application/problem+json";
    private static final String IF_MATCH = "the schedule's ETag from the preview, e.g. \"0\" before the first "
            + "release; a release made meanwhile is then a 412";

    record ScheduledMeetingResponse(String matchId, List<String> businessIds,
            @Schema(description = "the event's slot number, from 1") int slot, Instant startsAt, Instant endsAt,
            @Schema(description = "table or virtual room, from 1") int table,
            @Schema(types = {"string", "null"}, example = "de-ja",
                    description = "the interpreted language pair; null when the two share a language")
            String interpreter) {

        static ScheduledMeetingResponse of(ScheduleRelease.ReleasedMeeting m) {
            return new ScheduledMeetingResponse(m.matchId(), List.of(m.participantA(), m.participantB()), m.slot(),
                    m.startsAt(), m.endsAt(), m.table(), m.interpreter() == null ? null : m.interpreter().toString());
        }
    }

    record UnplacedMatchResponse(String matchId,
            @Schema(description = "the first reason that stood in its way: UNKNOWN_PARTICIPANT, "
                    + "NO_COMMON_AVAILABILITY, MEETING_CAP_REACHED, NO_INTERPRETER, NO_FREE_SLOT, NO_TABLE, "
                    + "INTERPRETERS_TAKEN") String reason) {
    }

    record StatisticsResponse(int meetingsPlaced, int matchesUnplaced,
            @Schema(description = "no schedule of this input places more meetings") int meetingUpperBound,
            int slotsUsed,
            @Schema(description = "König's lower bound: the most meetings of one participant; no schedule of these "
                    + "meetings uses fewer slots") int slotLowerBound,
            @Schema(description = "meetings over tables offered in all slots, 0 to 1") double tableUtilisation,
            int interpretedMeetings,
            @Schema(description = "interpreted meetings over interpreter places offered, 0 to 1")
            double interpreterUtilisation,
            @Schema(description = "meetings inside both sides' business hours, of those where both declared hours")
            int meetingsInsideBothHours, int meetingsWithBothHours) {

        static StatisticsResponse of(ScheduleStatistics s) {
            return new StatisticsResponse(s.meetingsPlaced(), s.matchesUnplaced(), s.meetingUpperBound(),
                    s.slotsUsed(), s.slotLowerBound(), s.tableUtilisation(), s.interpretedMeetings(),
                    s.interpreterUtilisation(), s.meetingsInsideBothHours(), s.meetingsWithBothHours());
        }
    }

    record ChangeResponse(@Schema(description = "ADDED, MOVED or CANCELLED") String kind, String matchId,
            List<String> businessIds, @Schema(types = {"integer", "null"}) Integer fromSlot,
            @Schema(types = {"integer", "null"}) Integer fromTable, @Schema(types = {"integer", "null"}) Integer toSlot,
            @Schema(types = {"integer", "null"}) Integer toTable) {

        static ChangeResponse of(ScheduleChange c) {
            PlacedMeeting from = c.before();
            PlacedMeeting to = c.after();
            return new ChangeResponse(c.kind().name(), c.matchId(), List.copyOf(c.affected()),
                    from == null ? null : from.slot(), from == null ? null : from.table(),
                    to == null ? null : to.slot(), to == null ? null : to.table());
        }
    }

    record ChangesResponse(int added, int moved, int cancelled,
            @Schema(description = "the businesses some change concerns") List<String> affectedBusinesses,
            List<ChangeResponse> items) {

        static ChangesResponse of(ScheduleRelease r) {
            return new ChangesResponse(count(r, ScheduleChange.Kind.ADDED), (int) r.moved(),
                    count(r, ScheduleChange.Kind.CANCELLED), List.copyOf(r.affected()),
                    r.changes().stream().map(ChangeResponse::of).toList());
        }

        private static int count(ScheduleRelease r, ScheduleChange.Kind kind) {
            return (int) r.changes().stream().filter(c -> c.kind() == kind).count();
        }
    }

    record ScheduleResponse(UUID matchingEventId,
            @Schema(description = "the release's number; in a preview, the number its release would get") int number,
            @Schema(description = "true for a stored release, false for a preview") boolean released,
            @Schema(types = {"string", "null"}, description = "null in a preview") Instant releasedAt,
            List<ScheduledMeetingResponse> meetings, List<UnplacedMatchResponse> unplaced,
            StatisticsResponse statistics,
            @Schema(description = "what changed for whom against the previous release") ChangesResponse changes) {

        static ScheduleResponse of(ScheduleRelease r, boolean released) {
            return new ScheduleResponse(r.matchingEventId(), r.number(), released, released ? r.releasedAt() : null,
                    r.meetings().stream().map(ScheduledMeetingResponse::of).toList(),
                    r.unplaced().stream().map(u -> new UnplacedMatchResponse(u.matchId(), u.reason().name()))
                            .toList(),
                    StatisticsResponse.of(r.statistics()), ChangesResponse.of(r));
        }
    }

    /** One page of releases: the platform's one list shape. */
    record ReleasePage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ScheduleResponse> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "null"},
                    description = "the cursor of the next page, for the cursor parameter; null on the last page")
            String next) {
    }

    private final ScheduleService schedules;

    ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/preview")
    @Operation(summary = "Run the scheduler as a dry run (operators and the organising partnership's staff)",
            description = "A GET: it stores and publishes nothing. From the latest release on, as the next release "
                    + "would be: the event's CONFIRMED matches between its participants placed into its slots, each "
                    + "unplaced match with its reason, the statistics and what would change for whom. The ETag is "
                    + "the schedule's version to release it with.")
    @ApiResponse(responseCode = "200", description = "The preview; ETag: the schedule's version (latest release, "
            + "\"0\" before the first)")
    @ApiResponse(responseCode = "403", description = "Not an organiser of this matching event",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ScheduleResponse> preview(Caller caller, @PathVariable UUID id) {
        ScheduleService.Plan plan = schedules.preview(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(plan.version())).body(ScheduleResponse.of(plan.release(), false));
    }

    @PostMapping("/releases")
    @Operation(summary = "Release the schedule as its next numbered version (operators and the organising "
            + "partnership's staff)",
            description = "Schedules again from the previous release, moving only what must move, stores the "
                    + "release and brings the meetings in line: matching.MeetingScheduled for a new one, "
                    + "MeetingRescheduled for a moved one (same meeting id, higher sequence), MeetingCancelled for "
                    + "one no longer placed. No body.")
    @ApiResponse(responseCode = "201", description = "Released; Location names it, ETag is its number")
    @ApiResponse(responseCode = "409", description = "Released by someone else meanwhile (no If-Match given)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the latest release",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ScheduleResponse> release(Caller caller, @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ScheduleRelease release = schedules.release(caller, id, ETags.expected(ifMatch));
        return ResponseEntity.created(URI.create("/api/v1/matching/events/" + id + "/schedule/releases/"
                        + release.number()))
                .eTag(ETags.of(release.number())).body(ScheduleResponse.of(release, true));
    }

    @GetMapping("/releases")
    @Operation(summary = "List the event's releases by number",
            description = "Organisers see every meeting; a participating business sees only its own meetings and "
                    + "the changes that concern it. The ETag is the schedule's version.")
    @ApiResponse(responseCode = "200", description = "One page; next is the cursor of the following one")
    @ApiResponse(responseCode = "400", description = "cursor or limit (1 to 200) is invalid; the problem names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ReleasePage> releases(Caller caller, @PathVariable UUID id,
            @Parameter(description = "next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "at most this many releases (1 to 200, default 50)")
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        Page<ScheduleRelease> page = schedules.releases(caller, id, PageRequest.of(cursor, limit));
        return ResponseEntity.ok().eTag(ETags.of(schedules.version(id))).body(new ReleasePage(
                page.items().stream().map(r -> ScheduleResponse.of(r, true)).toList(), page.next()));
    }

    @GetMapping("/releases/{number}")
    @Operation(summary = "Read one release (a business: its own meetings in it)")
    @ApiResponse(responseCode = "200", description = "The release; its ETag is its number")
    @ApiResponse(responseCode = "404", description = "No release of that number",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ScheduleResponse> release(Caller caller, @PathVariable UUID id, @PathVariable int number) {
        return ResponseEntity.ok().eTag(ETags.of(number))
                .body(ScheduleResponse.of(schedules.release(caller, id, number), true));
    }
}
