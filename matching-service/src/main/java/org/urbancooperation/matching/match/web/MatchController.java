package org.urbancooperation.matching.match.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.matching.match.application.MatchDirectory.PartnerContact;
import org.urbancooperation.matching.match.application.MatchService;
import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.match.domain.MatchOrigin;
import org.urbancooperation.matching.match.domain.MatchSide;
import org.urbancooperation.matching.match.domain.MatchStatus;
import org.urbancooperation.matching.match.domain.Outcome;
import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.support.domain.Require;
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

/**
 * Matches between two businesses: proposed by the matching engine or requested as an expression of interest;
 * accepted by both (then, and only then, each sees the other's contacts here and on its profile), declined by
 * either, expired unanswered, withdrawn by an operator. Another business's matches are 404.
 */
@RestController
@RequestMapping(MatchController.BASE)
@Tag(name = "Matches", description = "Proposed matches and expressions of interest between businesses: accept, "
        + "decline, outcome; contacts only once both accepted")
class MatchController {

    static final String BASE = "/api/v1/matching/matches";
    private static final String IF_MATCH = "the ETag read, e.g. \"3\"; a change made meanwhile is then a 412";
    private static final String PROBLEM = "application/problem+json";

    record InterestRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "another business's published "
                    + "opportunity") UUID toOpportunityId,
            @Schema(description = "one of your own published opportunities; absent: asking from your profile")
            UUID fromOpportunityId,
            @Schema(description = "the matching event you ask within, when any") UUID matchingEventId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Match.MAX_MESSAGE,
                    example = "We run three hospitals in Essen and would like to test your disinfection robots.",
                    description = "to the other business only; line breaks allowed") String message) {
    }

    record DeclineRequest(@Schema(maxLength = Match.MAX_REASON, example = "Not our field at the moment",
            description = "optional; only the two businesses and operators see it") String reason) {
    }

    record OutcomeRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5", example = "4")
            Integer rating,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") Boolean agreementReached,
            @Schema(example = "DISTRIBUTION", description = "required when agreementReached, absent otherwise")
            CooperationType agreementType) {

        Outcome outcome() {
            return new Outcome(Require.present("rating", rating), Require.present("agreementReached", agreementReached),
                    agreementType);
        }
    }

    record OutcomeResponse(int rating, boolean agreementReached,
            @JsonInclude(JsonInclude.Include.NON_NULL) CooperationType agreementType) {
    }

    record SideResponse(String businessId, @JsonInclude(JsonInclude.Include.NON_NULL) UUID opportunityId,
            boolean accepted,
            @Schema(description = "only to this side itself and operators")
            @JsonInclude(JsonInclude.Include.NON_NULL) OutcomeResponse outcome) {

        static SideResponse of(MatchSide s, boolean withOutcome) {
            return new SideResponse(s.businessId(), s.opportunityId(), s.hasAccepted(),
                    withOutcome && s.outcome() != null ? new OutcomeResponse(s.outcome().rating(),
                            s.outcome().agreementReached(), s.outcome().agreementType()) : null);
        }
    }

    record ContactResponse(String name, @JsonInclude(JsonInclude.Include.NON_NULL) String role, String email,
            @JsonInclude(JsonInclude.Include.NON_NULL) String phone) {

        static ContactResponse of(PartnerContact c) {
            return new ContactResponse(c.name(), c.role(), c.email(), c.phone());
        }
    }

    record MatchResponse(UUID id, MatchOrigin origin, MatchStatus status,
            @Schema(description = "the requester of an expression of interest; for a proposal, the opportunity "
                    + "candidates were proposed for") SideResponse first,
            SideResponse second,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID matchingEventId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double score, List<String> reasons,
            @JsonInclude(JsonInclude.Include.NON_NULL) String message, Instant createdAt, Instant expiresAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String declinedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) String declineReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String withdrawalReason,
            @Schema(description = "only when CONFIRMED: the other business's contacts by business id (operators: "
                    + "both); absent otherwise")
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<ContactResponse>> contacts,
            long version) {

        static MatchResponse of(MatchService.Shown shown, Caller caller) {
            Match m = shown.match().aggregate();
            String own = caller.businessId().orElse(null);
            boolean operator = caller.isOperator();
            Map<String, List<ContactResponse>> contacts = new java.util.TreeMap<>();
            shown.contacts().forEach((business, list) -> contacts.put(business,
                    list.stream().map(ContactResponse::of).toList()));
            return new MatchResponse(m.id(), m.origin(), m.status(),
                    SideResponse.of(m.first(), operator || m.first().businessId().equals(own)),
                    SideResponse.of(m.second(), operator || m.second().businessId().equals(own)),
                    m.matchingEventId(), m.score(), m.reasons(), m.message(), m.createdAt(), m.expiresAt(),
                    m.declinedBy(), m.declineReason(), m.withdrawalReason(), contacts, shown.match().version());
        }
    }

    private final MatchService matches;

    MatchController(MatchService matches) {
        this.matches = matches;
    }

    @PostMapping
    @Operation(summary = "Express interest in another business's published opportunity, with a message (a business "
            + "only); your asking is your acceptance")
    @ApiResponse(responseCode = "201", description = "Requested; Location and ETag name it")
    @ApiResponse(responseCode = "409", description = "The two have a match already, or you have as many pending "
            + "expressions of interest as a business may have (pendingInterestCap)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "toOpportunityId is not published, fromOpportunityId not one of "
            + "yours, matchingEventId unknown, or you have no profile",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MatchResponse> expressInterest(Caller caller, @RequestBody InterestRequest request) {
        MatchService.Shown created = matches.expressInterest(caller, request.fromOpportunityId(),
                request.toOpportunityId(), request.matchingEventId(), request.message());
        return ResponseEntity.created(URI.create(BASE + "/" + created.match().aggregate().id()))
                .eTag(ETags.of(created.match().version())).body(MatchResponse.of(created, caller));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a match (its two businesses and operators; 404 for everybody else); contacts only "
            + "when CONFIRMED")
    ResponseEntity<MatchResponse> get(Caller caller, @PathVariable UUID id) {
        return answer(matches.get(caller, id), caller);
    }

    @GetMapping
    @Operation(summary = "List matches by id, a page at a time (a business its own, operators all): follow next as "
            + "the cursor until it is null")
    @ApiResponse(responseCode = "200", description = "A page of matches; next is the cursor of the following page")
    @ApiResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid; the problem names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Page<MatchResponse> list(Caller caller,
            @Parameter(description = "only in this status", example = "PENDING") @RequestParam(required = false)
            String status,
            @Parameter(description = "only about this opportunity (either side)") @RequestParam(required = false)
            UUID opportunityId,
            @Parameter(description = "only within this matching event") @RequestParam(required = false)
            UUID matchingEventId,
            @Parameter(description = "only of this business (for operators; a business sees only its own anyway)",
                    example = "robots-essen") @RequestParam(required = false) String businessId,
            @Parameter(description = "the next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (default 50)")
            @RequestParam(required = false) Integer limit) {
        return matches.list(caller, businessId, status, opportunityId, matchingEventId, PageRequest.of(cursor, limit))
                .map(s -> MatchResponse.of(s, caller));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a pending match (one of its businesses); the second acceptance confirms it and "
            + "reveals each side's contacts to the other")
    @ApiResponse(responseCode = "200", description = "Accepted (or confirmed); the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Not PENDING (the problem names its status) or expired",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MatchResponse> accept(Caller caller, @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(matches.accept(caller, id, ETags.expected(ifMatch)), caller);
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline a pending match (one of its businesses), with an optional reason; the pair is "
            + "never proposed again")
    @ApiResponse(responseCode = "200", description = "Declined; the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Not PENDING; the problem names its status",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MatchResponse> decline(Caller caller, @PathVariable UUID id, @RequestBody DeclineRequest request,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(matches.decline(caller, id, request.reason(), ETags.expected(ifMatch)), caller);
    }

    @PostMapping("/{id}/outcome")
    @Operation(summary = "Report how a confirmed match went (each business once): a rating 1-5 and whether a "
            + "cooperation agreement was reached, of which kind")
    @ApiResponse(responseCode = "200", description = "Reported; the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Not CONFIRMED, or reported already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MatchResponse> reportOutcome(Caller caller, @PathVariable UUID id,
            @RequestBody OutcomeRequest request,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(matches.reportOutcome(caller, id, request.outcome(), ETags.expected(ifMatch)), caller);
    }

    /** DELETE, as with opportunities: an operator takes abusive content down; it stays readable as WITHDRAWN. */
    @DeleteMapping("/{id}")
    @Operation(summary = "Withdraw a match and its message (operators, e.g. abusive content, with a reason)")
    @ApiResponse(responseCode = "200", description = "Withdrawn (or it was already); the ETag is the new version")
    ResponseEntity<MatchResponse> withdraw(Caller caller, @PathVariable UUID id,
            @Parameter(description = "why, at most 500 characters", example = "Abusive message",
                    required = true) @RequestParam(required = false) String reason,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(matches.withdraw(caller, id, reason, ETags.expected(ifMatch)), caller);
    }

    private static ResponseEntity<MatchResponse> answer(MatchService.Shown shown, Caller caller) {
        return ResponseEntity.ok().eTag(ETags.of(shown.match().version())).body(MatchResponse.of(shown, caller));
    }
}
