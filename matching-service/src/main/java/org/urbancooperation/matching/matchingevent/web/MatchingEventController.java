package org.urbancooperation.matching.matchingevent.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.matching.matchingevent.application.MatchingEventService;
import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import io.swagger.v3.oas.annotations.Operation;
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
            @Schema(example = "2020-11-18T08:00:00Z", description = "an instant of the years 1900 to 2200")
            @NotNull Instant startsAt,
            @Schema(example = "2020-11-18T11:00:00Z", description = "after startsAt, at most 14 days later")
            @NotNull Instant endsAt,
            @Schema(example = "30") @NotNull @Min(MatchingEvent.MIN_SLOT_MINUTES) @Max(MatchingEvent.MAX_SLOT_MINUTES)
            Integer slotMinutes) {
    }

    record SlotResponse(int number, Instant startsAt, Instant endsAt) {
    }

    record MatchingEventResponse(UUID id, UUID partnershipId, String title, Instant startsAt, Instant endsAt,
            int slotMinutes, String status, int slotCount, List<SlotResponse> slots, long version) {

        static MatchingEventResponse of(MatchingEvent e, long version) {
            return new MatchingEventResponse(e.id(), e.partnershipId(), e.title(), e.startsAt(), e.endsAt(),
                    e.slotMinutes(), e.status().name(), e.slotCount(),
                    e.slots().stream().map(s -> new SlotResponse(s.number(), s.startsAt(), s.endsAt())).toList(),
                    version);
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
        Versioned<MatchingEvent> opened = matchingEvents.open(caller, request.partnershipId(), request.title(),
                request.startsAt(), request.endsAt(), request.slotMinutes());
        return ResponseEntity.created(URI.create("/api/v1/matching/events/" + opened.aggregate().id()))
                .eTag(ETags.of(opened.version()))
                .body(MatchingEventResponse.of(opened.aggregate(), opened.version()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a matching event with its slots; its ETag is its version")
    ResponseEntity<MatchingEventResponse> get(@PathVariable UUID id) {
        Versioned<MatchingEvent> found = matchingEvents.get(id);
        return ResponseEntity.ok().eTag(ETags.of(found.version()))
                .body(MatchingEventResponse.of(found.aggregate(), found.version()));
    }

    @GetMapping
    @Operation(summary = "List the matching events of a partnership, earliest start first, without their slots")
    List<MatchingEventSummaryResponse> list(@RequestParam UUID partnershipId,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return matchingEvents.listByPartnership(partnershipId, offset, limit).stream()
                .map(v -> MatchingEventSummaryResponse.of(v.aggregate(), v.version()))
                .toList();
    }
}
