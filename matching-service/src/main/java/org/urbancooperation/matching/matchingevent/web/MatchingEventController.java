package org.urbancooperation.matching.matchingevent.web;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.matching.matchingevent.application.MatchingEventService;
import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.MeetingBlock;
import org.urbancooperation.matching.shared.domain.InterpreterPair;
import org.urbancooperation.matching.shared.domain.Languages;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ZonedTimes;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

@RestController
@RequestMapping("/api/v1/matching/events")
@Tag(name = "Matching events", description = "Business matching events of a partnership and their 1:1 meeting slots")
@Validated
class MatchingEventController {

    record OpenMatchingEventRequest(
            @NotNull UUID partnershipId,
            @Schema(example = "Online business matching: products against COVID-19") @NotBlank @Size(max = 200)
            String title,
            // No examples here: the documented example is an event in blocks, and these three go with none.
            @Schema(description = "without blocks: the first slot's start, an instant of the years 1900 to 2200 "
                    + "(2020-11-18T08:00:00Z)") Instant startsAt,
            @Schema(description = "without blocks: after startsAt, at most 14 days later") Instant endsAt,
            @Schema(description = "without blocks: the slot length in minutes")
            @Min(MatchingEvent.MIN_SLOT_MINUTES) @Max(MatchingEvent.MAX_SLOT_MINUTES) Integer slotMinutes,
            @Schema(description = "the cooperation event (event-service) it is held at, e.g. a trade fair; absent "
                    + "when none") UUID cooperationEventId,
            @Schema(example = "Europe/Berlin", description = "the IANA zone the blocks' local times are on; required "
                    + "with blocks") String timeZone,
            @Schema(description = "1 to 50 meeting blocks, instead of startsAt, endsAt and slotMinutes (an event "
                    + "without blocks is one block of those, with tables unlimited)") List<@Valid BlockRequest> blocks) {
    }

    @Schema(description = "A stretch of 1:1 meeting slots; times on the event's clocks (2020-11-18T09:00) or instants "
            + "with an offset (2020-11-18T09:00+01:00); a local time that does not exist or happens twice on a change "
            + "of daylight saving time is refused unless given with its offset")
    record BlockRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2020-11-18T09:00") String startsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2020-11-18T12:00") String endsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "30") Integer slotMinutes,
            @Schema(description = "pauses inside the block, no slot overlaps one") List<BreakRequest> breaks,
            @Schema(description = "tables or virtual rooms per slot, 1 to 10000; absent: unlimited", example = "20")
            Integer tables,
            @Schema(description = "interpreters on duty in every slot of the block, per language pair")
            List<@Valid InterpretersRequest> interpreters,
            @Schema(description = "online: the link to the block's virtual rooms, {room} where a room's number goes",
                    example = "https://meet.example.org/essen-koriyama/room-{room}") @Size(max = 500) String roomLink) {

        MeetingBlock block(ZoneId zone) {
            return new MeetingBlock(instant("startsAt", startsAt, zone), instant("endsAt", endsAt, zone),
                    Require.present("slotMinutes", slotMinutes),
                    breaks == null ? List.of() : Require.each("breaks", breaks, (path, b) -> Require.within(path,
                            () -> new MeetingBlock.Break(instant("startsAt", b.startsAt(), zone),
                                    instant("endsAt", b.endsAt(), zone)))),
                    tables, interpreters == null ? Map.of() : onDuty(interpreters), roomLink);
        }

        private static Map<InterpreterPair, Integer> onDuty(List<InterpretersRequest> requests) {
            Map<InterpreterPair, Integer> onDuty = new TreeMap<>();
            Require.each("interpreters", requests, (path, i) -> Require.within(path, () -> {
                List<String> languages = Languages.of("languages", i.languages());
                if (languages.size() != 2) {
                    throw new InvalidValueException("languages", "an interpreter covers two languages");
                }
                InterpreterPair pair = InterpreterPair.of(languages.get(0), languages.get(1));
                if (onDuty.put(pair, Require.present("count", i.count())) != null) {
                    throw new InvalidValueException("languages", "a language pair is listed once");
                }
                return pair;
            }));
            return onDuty;
        }
    }

    record BreakRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2020-11-18T10:30")
            String startsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2020-11-18T10:45") String endsAt) {
    }

    record InterpretersRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"de\", \"ja\"]") List<String> languages,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2", description = "0 to 1000")
            @Min(0) @Max(MeetingBlock.MAX_INTERPRETERS) Integer count) {
    }

    /** A time as an organiser enters it: on the event's clocks, or an instant with its offset or Z. */
    static Instant instant(String field, String text, ZoneId zone) {
        Require.present(field, text);
        return ZonedTimes.parse(field, text, zone, null, null, () -> new InvalidValueException(field, field
                + " must be a local time such as 2020-11-18T09:00 on the event's clocks, or an instant such as "
                + "2020-11-18T09:00+01:00"));
    }

    record BlockResponse(Instant startsAt, Instant endsAt, int slotMinutes, List<BreakResponse> breaks,
            @Schema(types = {"integer", "null"}, description = "null: unlimited") Integer tables,
            List<InterpretersResponse> interpreters,
            @Schema(types = {"string", "null"}, description = "null: tables in a hall") String roomLink) {

        static BlockResponse of(MeetingBlock b) {
            return new BlockResponse(b.startsAt(), b.endsAt(), b.slotMinutes(),
                    b.breaks().stream().map(p -> new BreakResponse(p.startsAt(), p.endsAt())).toList(), b.tables(),
                    b.interpreters().entrySet().stream().map(i -> new InterpretersResponse(
                            List.of(i.getKey().first(), i.getKey().second()), i.getValue())).toList(), b.roomLink());
        }
    }

    record BreakResponse(Instant startsAt, Instant endsAt) {
    }

    record InterpretersResponse(List<String> languages, int count) {
    }

    record SlotResponse(int number, Instant startsAt, Instant endsAt) {
    }

    record MatchingEventResponse(UUID id, UUID partnershipId, String title, Instant startsAt, Instant endsAt,
            int slotMinutes, String status, int slotCount, List<SlotResponse> slots,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID cooperationEventId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String timeZone,
            @Schema(description = "its meeting blocks; empty for an event of one span (startsAt to endsAt)")
            List<BlockResponse> blocks, long version) {

        static MatchingEventResponse of(MatchingEvent e, long version) {
            return new MatchingEventResponse(e.id(), e.partnershipId(), e.title(), e.startsAt(), e.endsAt(),
                    e.slotMinutes(), e.status().name(), e.slotCount(),
                    e.slots().stream().map(s -> new SlotResponse(s.number(), s.startsAt(), s.endsAt())).toList(),
                    e.cooperationEventId(), e.timeZone() == null ? null : e.timeZone().getId(),
                    e.blocks().stream().map(BlockResponse::of).toList(), version);
        }
    }

    /** Without the slots: a page of two-week events in 5-minute slots would carry thousands each. */
    record MatchingEventSummaryResponse(UUID id, UUID partnershipId, String title, Instant startsAt, Instant endsAt,
            int slotMinutes, String status, int slotCount, long version) {

        static MatchingEventSummaryResponse of(MatchingEvent e, long version) {
            return new MatchingEventSummaryResponse(e.id(), e.partnershipId(), e.title(), e.startsAt(), e.endsAt(),
                    e.slotMinutes(), e.status().name(), e.slotCount(), version);
        }
    }

    private final MatchingEventService matchingEvents;

    MatchingEventController(MatchingEventService matchingEvents) {
        this.matchingEvents = matchingEvents;
    }

    @PostMapping
    @Operation(summary = "Open a matching event for a known partnership; 422 naming partnershipId when it is unknown")
    @ApiResponse(responseCode = "201", description = "Opened; Location and ETag name it")
    ResponseEntity<MatchingEventResponse> open(@Valid @RequestBody OpenMatchingEventRequest request, Caller caller) {
        ZoneId zone = request.timeZone() == null ? null : Require.timeZone("timeZone", request.timeZone());
        // Blocks are entered on the clocks of timeZone: without it none can be read.
        ZoneId blockZone = request.blocks() == null ? null : Require.present("timeZone", zone);
        List<MeetingBlock> blocks = request.blocks() == null ? null : Require.each("blocks", request.blocks(),
                (path, b) -> Require.within(path, () -> b.block(blockZone)));
        Versioned<MatchingEvent> opened = matchingEvents.open(caller, request.partnershipId(), request.title(),
                request.startsAt(), request.endsAt(), request.slotMinutes(), request.cooperationEventId(), zone,
                blocks);
        return ResponseEntity.created(URI.create("/api/v1/matching/events/" + opened.aggregate().id()))
                .eTag(ETags.of(opened.version()))
                .body(MatchingEventResponse.of(opened.aggregate(), opened.version()));
    }

    record BlocksRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Europe/Berlin") String timeZone,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 50 meeting blocks")
            List<@Valid BlockRequest> blocks) {
    }

    @PutMapping("/{id}/blocks")
    @Operation(summary = "Replace the meeting blocks (operators and the organising partnership's staff)",
            description = "Moves, adds or removes blocks, or changes their tables and interpreters; an event of one "
                    + "span becomes an event in blocks. Publishes nothing: the next schedule release moves only the "
                    + "meetings whose slot is gone or lost its table.")
    @ApiResponse(responseCode = "200", description = "Replaced; the ETag is the new version")
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MatchingEventResponse> replaceBlocks(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody BlocksRequest request,
            @Parameter(description = "the ETag read, e.g. \"1\"; a change made meanwhile is then a 412")
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ZoneId zone = Require.timeZone("timeZone", request.timeZone());
        List<MeetingBlock> blocks = Require.each("blocks", Require.present("blocks", request.blocks()),
                (path, b) -> Require.within(path, () -> b.block(zone)));
        Versioned<MatchingEvent> replaced = matchingEvents.replaceBlocks(caller, id, zone, blocks,
                ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(replaced.version()))
                .body(MatchingEventResponse.of(replaced.aggregate(), replaced.version()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a matching event with its slots; its ETag is its version")
    ResponseEntity<MatchingEventResponse> get(@PathVariable UUID id) {
        Versioned<MatchingEvent> found = matchingEvents.get(id);
        return ResponseEntity.ok().eTag(ETags.of(found.version()))
                .body(MatchingEventResponse.of(found.aggregate(), found.version()));
    }

    @GetMapping
    @Operation(summary = "List the matching events of a partnership, one page at a time, without their slots",
            description = "In id order, which no change moves: follow next as cursor until it is null, and every "
                    + "matching event that existed when you started is on exactly one page, whatever is opened or "
                    + "changed meanwhile.")
    @ApiResponse(responseCode = "200", description = "One page; next is the cursor of the following one, null on the last")
    @ApiResponse(responseCode = "400", description = "partnershipId, cursor (not a next value of this list, unchanged) or "
            + "limit (1 to 200) is invalid; the problem's errors name it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    MatchingEventPage list(@RequestParam UUID partnershipId,
            @Parameter(description = "next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "at most this many matching events (1 to 200, default 50)")
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        return MatchingEventPage.of(matchingEvents.listByPartnership(partnershipId, PageRequest.of(cursor, limit)));
    }

    /** One page of matching events: the platform's one list shape. */
    record MatchingEventPage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<MatchingEventSummaryResponse> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "null"},
                    description = "the cursor of the next page, for the cursor parameter; null on the last page")
            String next) {

        static MatchingEventPage of(Page<Versioned<MatchingEvent>> page) {
            return new MatchingEventPage(
                    page.items().stream().map(v -> MatchingEventSummaryResponse.of(v.aggregate(), v.version())).toList(),
                    page.next());
        }
    }
}
