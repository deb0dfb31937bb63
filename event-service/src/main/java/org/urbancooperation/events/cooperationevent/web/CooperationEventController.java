package org.urbancooperation.events.cooperationevent.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.events.cooperationevent.application.CooperationEventService;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.EventFormat;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Cooperation events", description = "Study tours, seminars, trade fairs and conferences of partnerships, "
        + "shown in every partner's time zone")
@Validated
class CooperationEventController {

    record ScheduleCooperationEventRequest(
            @NotNull UUID partnershipId,
            @Schema(example = "EU-Japan 100 Cities Event on Climate Action")
            @NotBlank @Size(max = CooperationEvent.MAX_TITLE) String title,
            @Schema(example = "CONFERENCE") @NotNull EventFormat format,
            @NotNull @Schema(example = "2023-01-25T08:00:00Z", description = "an instant of the years 1900 to 2200")
            Instant startsAt,
            @NotNull @Schema(example = "2023-01-25T11:00:00Z", description = "after startsAt, at most 31 days later")
            Instant endsAt,
            @Schema(description = "IANA time zones the agenda is shown in; default: the partner cities' zones",
                    example = "[\"Europe/Brussels\", \"Asia/Tokyo\"]")
            @Size(max = CooperationEvent.MAX_TIME_ZONES) List<@NotBlank @Size(max = 64) String> timeZones,
            @Schema(description = "ISO 639-1 codes of the languages spoken or interpreted", example = "[\"en\", \"ja\"]")
            @Size(max = CooperationEvent.MAX_LANGUAGES)
            List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en or ja")
                    String> languages,
            @Schema(example = "Online") @Size(max = CooperationEvent.MAX_VENUE) String venue) {
    }

    record LocalTimesResponse(String timeZone, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    record CooperationEventResponse(UUID id, UUID partnershipId, String title, EventFormat format, Instant startsAt,
            Instant endsAt, List<String> timeZones,
            @Schema(description = "start and end on the clocks of each time zone, e.g. 09:00+01:00 and 17:00+09:00")
            List<LocalTimesResponse> localTimes,
            List<String> languages, String venue, long version) {

        static CooperationEventResponse of(CooperationEvent e, long version) {
            return new CooperationEventResponse(e.id(), e.partnershipId(), e.title(), e.format(), e.startsAt(),
                    e.endsAt(), e.timeZones().stream().map(ZoneId::getId).toList(),
                    e.localTimes().stream()
                            .map(t -> new LocalTimesResponse(t.timeZone().getId(), t.startsAt(), t.endsAt()))
                            .toList(),
                    e.languages(), e.venue(), version);
        }
    }

    private final CooperationEventService cooperationEvents;

    CooperationEventController(CooperationEventService cooperationEvents) {
        this.cooperationEvents = cooperationEvents;
    }

    @PostMapping
    @Operation(summary = "Schedule a cooperation event for a partnership this service knows of")
    @ApiResponse(responseCode = "201", description = "Scheduled; Location and ETag name it")
    @ApiResponse(responseCode = "400", description = "A field is invalid; the problem's errors name it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "The partnership is not (yet) known to this service",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CooperationEventResponse> schedule(@Valid @RequestBody ScheduleCooperationEventRequest request,
            Caller caller) {
        Versioned<CooperationEvent> scheduled = cooperationEvents.schedule(caller, new CooperationEventService.ScheduleInput(
                request.partnershipId(), request.title(), request.format(), request.startsAt(), request.endsAt(),
                request.timeZones(), request.languages(), request.venue()));
        return ResponseEntity.created(URI.create("/api/v1/events/" + scheduled.aggregate().id()))
                .eTag(ETags.of(scheduled.version()))
                .body(CooperationEventResponse.of(scheduled.aggregate(), scheduled.version()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a cooperation event with its times in each of its time zones")
    ResponseEntity<CooperationEventResponse> get(@PathVariable UUID id) {
        Versioned<CooperationEvent> found = cooperationEvents.get(id);
        return ResponseEntity.ok().eTag(ETags.of(found.version()))
                .body(CooperationEventResponse.of(found.aggregate(), found.version()));
    }

    @GetMapping
    @Operation(summary = "List a partnership's cooperation events, one page at a time",
            description = "In id order, which no change moves: follow next as cursor until it is null, and every event "
                    + "that existed when you started is on exactly one page, whatever is scheduled or changed meanwhile.")
    @ApiResponse(responseCode = "200", description = "One page; next is the cursor of the following one, null on the last")
    @ApiResponse(responseCode = "400", description = "partnershipId, cursor (not a next value of this list, unchanged) or "
            + "limit (1 to 200) is invalid; the problem's errors name it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    CooperationEventPage listByPartnership(@RequestParam UUID partnershipId,
            @Parameter(description = "next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "at most this many events (1 to 200, default 50)")
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        return CooperationEventPage.of(cooperationEvents.listByPartnership(partnershipId, PageRequest.of(cursor, limit)));
    }

    /** One page of cooperation events: the platform's one list shape. */
    record CooperationEventPage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<CooperationEventResponse> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "null"},
                    description = "the cursor of the next page, for the cursor parameter; null on the last page")
            String next) {

        static CooperationEventPage of(Page<Versioned<CooperationEvent>> page) {
            return new CooperationEventPage(
                    page.items().stream().map(v -> CooperationEventResponse.of(v.aggregate(), v.version())).toList(),
                    page.next());
        }
    }
}
