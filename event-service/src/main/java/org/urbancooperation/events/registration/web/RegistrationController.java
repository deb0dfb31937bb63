package org.urbancooperation.events.registration.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.events.registration.application.RegistrationService;
import org.urbancooperation.events.registration.application.RegistrationService.Places;
import org.urbancooperation.events.registration.application.RegistrationService.RegistrationView;
import org.urbancooperation.events.registration.domain.Registration;
import org.urbancooperation.events.registration.domain.RegistrationClosed;
import org.urbancooperation.events.registration.domain.RegistrationRole;
import org.urbancooperation.events.registration.domain.RegistrationStatus;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;
import org.urbancooperation.support.web.Problems;

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

/**
 * Registration for a cooperation event, its places and its waitlist. Request records check only shape; the rules
 * live once in the domain ({@code EventRegistrations}).
 */
@RestController
@RequestMapping("/api/v1/events/{id}")
@Tag(name = "Registrations", description = "Registering for cooperation events, with capacity per event and per "
        + "session and a first-come waitlist promoted when a place frees")
@Validated
class RegistrationController {

    record RegisterRequest(
            @Schema(description = "whom to register, by their subject; only operators name somebody else (absent: "
                    + "the caller)", example = "essen-staff-1") @Size(max = 200) String participant,
            @Schema(example = "DELEGATE") @NotNull RegistrationRole role,
            @Schema(example = "Hanna Schmidt", description = "as the participant wants it shown") @NotBlank
            @Size(max = 200) String name,
            @Schema(example = "City of Essen") @Size(max = 300) String organisation,
            @Schema(description = "sessions of the published agenda attended; absent or empty: the event as a whole")
            @Size(max = Registration.MAX_SESSIONS) List<@NotNull UUID> sessionIds) {
    }

    record TermsRequest(
            @Schema(example = "2023-01-20T23:59:59Z", description = "an instant; registrations after it are refused "
                    + "(absent: open while the event is PUBLISHED)") Instant registrationDeadline,
            @Schema(description = "places per session id of the published agenda, for the sessions that have a limit, "
                    + "e.g. {\"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\": 40}; empty: no session has a limit of its own",
                    example = "{}")
            @Size(max = 200) Map<UUID, @NotNull @Min(1) @Max(1_000_000) Integer> sessionCapacities) {
    }

    record RegistrationResponse(UUID id, UUID cooperationEventId,
            @Schema(example = "essen-staff-1") String participant, RegistrationRole role,
            @Schema(example = "Hanna Schmidt") String name,
            @Schema(types = {"string", "null"}, example = "City of Essen") String organisation,
            List<UUID> sessionIds, RegistrationStatus status,
            @Schema(description = "1 for the first in line; null unless WAITLISTED", types = {"integer", "null"},
                    example = "3") Integer waitlistPosition,
            Instant registeredAt,
            @Schema(types = {"string", "null"}, description = "when an organiser recorded attendance")
            Instant attendedAt) {

        static RegistrationResponse of(RegistrationView v) {
            Registration r = v.registration();
            return new RegistrationResponse(r.id(), v.cooperationEventId(), r.participant(), r.role(), r.name(),
                    r.organisation(), r.sessionIds(), r.status(), v.waitlistPosition(), r.registeredAt(),
                    r.attendedAt());
        }
    }

    record RegistrationPage(List<RegistrationResponse> items,
            @Schema(types = {"string", "null"}, description = "the cursor of the next page; null on the last")
            String next) {
    }

    record PlacesResponse(UUID cooperationEventId,
            @Schema(types = {"string", "null"}) Instant registrationDeadline,
            @Schema(types = {"integer", "null"}, description = "the event's capacity; null: unlimited") Integer capacity,
            long confirmed, long waitlisted,
            Map<UUID, Integer> sessionCapacities,
            @Schema(description = "confirmed registrations of each session that has a capacity")
            Map<UUID, Long> confirmedBySession) {

        static PlacesResponse of(Places p) {
            return new PlacesResponse(p.cooperationEventId(), p.deadline(), p.capacity(), p.confirmed(),
                    p.waitlisted(), p.sessionCapacities(), p.confirmedBySession());
        }
    }

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping("/registrations")
    @Operation(summary = "Register for a published event (yourself; operators anybody)",
            description = "CONFIRMED while the event and each session named have a place, WAITLISTED otherwise, first "
                    + "come first served. Registering again gives the same registration (200).")
    @ApiResponse(responseCode = "201", description = "Registered; Location and ETag name it")
    @ApiResponse(responseCode = "200", description = "Registered before: the registration as it is")
    @ApiResponse(responseCode = "400", description = "A field is invalid or a session is not in the published agenda; "
            + "the problem's errors name it", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Registration is closed: the event is not PUBLISHED (errors name "
            + "status) or its registrationDeadline passed (errors name registrationDeadline)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    ResponseEntity<RegistrationResponse> register(@PathVariable("id") UUID eventId,
            @Valid @RequestBody RegisterRequest request, Caller caller) {
        RegistrationService.Registered registered = registrations.register(caller, eventId,
                new RegistrationService.RegistrationInput(request.participant(), request.role(), request.name(),
                        request.organisation(), request.sessionIds()));
        RegistrationView v = registered.view();
        ResponseEntity.BodyBuilder answer = registered.created()
                ? ResponseEntity.created(URI.create("/api/v1/events/" + eventId + "/registrations/"
                        + v.registration().id()))
                : ResponseEntity.ok();
        return answer.eTag(ETags.of(v.version())).body(RegistrationResponse.of(v));
    }

    @GetMapping("/registrations")
    @Operation(summary = "List an event's registrations, one page at a time",
            description = "All of them for the event's organisers and operators; your own for anybody else. In id "
                    + "order: follow next as cursor until it is null.")
    @ApiResponse(responseCode = "200", description = "One page; next is the cursor of the following one, null on the "
            + "last")
    @ApiResponse(responseCode = "400", description = "A filter, cursor or limit (1 to 200) is invalid; the problem's "
            + "errors name it", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    RegistrationPage list(@PathVariable("id") UUID eventId,
            @RequestParam(required = false) RegistrationStatus status,
            @Parameter(description = "next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "at most this many registrations (1 to 200, default 50)")
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit, Caller caller) {
        Page<RegistrationView> page = registrations.list(caller, eventId, status, PageRequest.of(cursor, limit));
        return new RegistrationPage(page.items().stream().map(RegistrationResponse::of).toList(), page.next());
    }

    @GetMapping("/registrations/{registrationId}")
    @Operation(summary = "Read a registration (the participant, the event's organisers, operators)")
    @ApiResponse(responseCode = "200", description = "The registration; the ETag is its version")
    @ApiResponse(responseCode = "404", description = "No such registration, or not yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    ResponseEntity<RegistrationResponse> get(@PathVariable("id") UUID eventId, @PathVariable UUID registrationId,
            Caller caller) {
        return respond(registrations.get(caller, eventId, registrationId));
    }

    @DeleteMapping("/registrations/{registrationId}")
    @Operation(summary = "Cancel a registration (the participant, the event's organisers, operators; If-Match "
            + "recommended); a place it held goes to the first waitlisted registration that fits")
    @ApiResponse(responseCode = "200", description = "Cancelled (cancelling again answers the same)")
    @ApiResponse(responseCode = "404", description = "No such registration, or not yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version of the registration",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    ResponseEntity<RegistrationResponse> cancel(@PathVariable("id") UUID eventId, @PathVariable UUID registrationId,
            @Parameter(description = "the ETag read, e.g. \"1\"") @RequestHeader(name = "If-Match", required = false)
            String ifMatch, Caller caller) {
        return respond(registrations.cancel(caller, eventId, registrationId, ETags.expected(ifMatch)));
    }

    @PostMapping("/registrations/{registrationId}/attendance")
    @Operation(summary = "Record that a confirmed participant attended (the event's organisers, operators; If-Match "
            + "recommended)")
    @ApiResponse(responseCode = "200", description = "Recorded (recording again answers the same)")
    @ApiResponse(responseCode = "409", description = "The registration is not CONFIRMED, or the event is neither "
            + "PUBLISHED nor COMPLETED", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<RegistrationResponse> recordAttendance(@PathVariable("id") UUID eventId,
            @PathVariable UUID registrationId,
            @Parameter(description = "the ETag read, e.g. \"1\"") @RequestHeader(name = "If-Match", required = false)
            String ifMatch, Caller caller) {
        return respond(registrations.recordAttendance(caller, eventId, registrationId, ETags.expected(ifMatch)));
    }

    @GetMapping("/registration-terms")
    @Operation(summary = "Read the registration deadline, the capacities and how many places are taken (anybody who "
            + "may see the event)")
    @ApiResponse(responseCode = "200", description = "The terms; the ETag is their version")
    ResponseEntity<PlacesResponse> terms(@PathVariable("id") UUID eventId, Caller caller) {
        Places places = registrations.places(caller, eventId);
        return ResponseEntity.ok().eTag(ETags.of(places.version())).body(PlacesResponse.of(places));
    }

    @PutMapping("/registration-terms")
    @Operation(summary = "Set the registration deadline and the sessions' capacities (the event's organisers, "
            + "operators; If-Match recommended); more places are filled from the waitlist at once")
    @ApiResponse(responseCode = "200", description = "The terms as stored; the ETag is their new version")
    @ApiResponse(responseCode = "400", description = "A field is invalid or names a session not in the published "
            + "agenda; the problem's errors name it", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version of the terms",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    ResponseEntity<PlacesResponse> changeTerms(@PathVariable("id") UUID eventId, @Valid @RequestBody TermsRequest request,
            @Parameter(description = "the ETag read, e.g. \"1\"") @RequestHeader(name = "If-Match", required = false)
            String ifMatch, Caller caller) {
        Places places = registrations.configure(caller, eventId, request.registrationDeadline(),
                request.sessionCapacities(), ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(places.version())).body(PlacesResponse.of(places));
    }

    /** Registration closed: 409 naming what closed it (the event's status, or the deadline). */
    @ExceptionHandler(RegistrationClosed.class)
    ResponseEntity<ProblemDetail> registrationClosed(RegistrationClosed e) {
        ProblemDetail problem = Problems.invalidFields(HttpStatus.CONFLICT, "registration-closed",
                "Registration is closed", List.of(new Problems.FieldError(e.field(), e.getMessage())));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<RegistrationResponse> respond(RegistrationView v) {
        return ResponseEntity.ok().eTag(ETags.of(v.version())).body(RegistrationResponse.of(v));
    }
}
