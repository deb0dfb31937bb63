package org.urbancooperation.matching.opportunity.web;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.matching.opportunity.application.OpportunityService;
import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.application.Versioned;
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
 * Partnering opportunities: business and technology offers and requests, R&D cooperation requests. Drafted,
 * published, renewed and withdrawn by their business (operators any); expired by themselves at validUntil.
 */
@RestController
@RequestMapping(OpportunityController.BASE)
@Tag(name = "Opportunities", description = "Business and technology offers and requests of businesses: draft, "
        + "published, expired (by itself at validUntil) or withdrawn; others' drafts are 404")
class OpportunityController {

    static final String BASE = "/api/v1/matching/opportunities";
    private static final String IF_MATCH = "the ETag read, e.g. \"3\"; a change made meanwhile is then a 412";

    /** The content of an opportunity, all but its type, which stays what it was drafted as. */
    record ContentBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Hydrogen for resilient municipal energy: research partner sought (demo)\", "
                            + "\"ja\": \"水素による強靭な地域エネルギー：研究パートナー募集（デモ）\"}",
                    description = "titles by BCP 47 language tag, en required") Map<String, String> title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Demo opportunity: joint research on hydrogen as a clean energy resource "
                            + "for the disaster preparedness of cities.\"}",
                    description = "summaries by BCP 47 language tag, en required, line breaks allowed")
            Map<String, String> summary,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"RENEWABLE_ENERGY\"]") List<Sector> sectors,
            @Schema(example = "[\"HYDROGEN\", \"STORAGE\"]", description = "each within one of sectors")
            List<Subsector> subsectors,
            @Schema(example = "[\"hydrogen\", \"disaster preparedness\"]",
                    description = "free words, at most 20 of at most 50 characters each") List<String> keywords,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"RESEARCH_AND_DEVELOPMENT\"]")
            List<CooperationType> cooperationTypes,
            @Schema(example = "[\"DE\"]", description = "ISO 3166-1 alpha-2 codes; none: any country")
            List<String> targetCountries,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-06-01T00:00:00Z",
                    description = "in the future, at most 366 days ahead; it expires by itself then; the example is "
                            + "180 days from when this document was served")
            Instant validUntil) {

        Opportunity.Input input() {
            return new Opportunity.Input(null, title, summary, sectors, subsectors, keywords, cooperationTypes,
                    targetCountries, validUntil);
        }
    }

    /** The content of an opportunity, and whose it is. */
    record DraftRequest(
            @Schema(example = "hydrogen-koriyama", description = "whose opportunity: operators name the business; a "
                    + "business may leave it out (it drafts only its own)") String businessId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "RND_COOPERATION_REQUEST",
                    description = "cannot change once drafted") OpportunityType type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Hydrogen for resilient municipal energy: research partner sought (demo)\", "
                            + "\"ja\": \"水素による強靭な地域エネルギー：研究パートナー募集（デモ）\"}",
                    description = "titles by BCP 47 language tag, en required") Map<String, String> title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Demo opportunity: joint research on hydrogen as a clean energy resource "
                            + "for the disaster preparedness of cities.\"}",
                    description = "summaries by BCP 47 language tag, en required, line breaks allowed")
            Map<String, String> summary,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"RENEWABLE_ENERGY\"]") List<Sector> sectors,
            @Schema(example = "[\"HYDROGEN\", \"STORAGE\"]", description = "each within one of sectors")
            List<Subsector> subsectors,
            @Schema(example = "[\"hydrogen\", \"disaster preparedness\"]",
                    description = "free words, at most 20 of at most 50 characters each") List<String> keywords,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"RESEARCH_AND_DEVELOPMENT\"]")
            List<CooperationType> cooperationTypes,
            @Schema(example = "[\"DE\"]", description = "ISO 3166-1 alpha-2 codes; none: any country")
            List<String> targetCountries,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-06-01T00:00:00Z",
                    description = "in the future, at most 366 days ahead; it expires by itself then; the example is "
                            + "180 days from when this document was served")
            Instant validUntil) {

        Opportunity.Input input() {
            return new Opportunity.Input(type, title, summary, sectors, subsectors, keywords, cooperationTypes,
                    targetCountries, validUntil);
        }
    }

    record RenewRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-06-01T00:00:00Z",
            description = "in the future, at most 366 days ahead; the example is 180 days from when this document was "
                    + "served") Instant validUntil) {
    }

    record OpportunityResponse(UUID id, String businessId, OpportunityType type, Map<String, String> title,
            Map<String, String> summary, List<Sector> sectors, List<Subsector> subsectors, List<String> keywords,
            List<CooperationType> cooperationTypes, List<String> targetCountries, String referenceCode,
            Instant validUntil, OpportunityStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String withdrawalReason, long version) {

        static OpportunityResponse of(Versioned<Opportunity> v) {
            Opportunity o = v.aggregate();
            return new OpportunityResponse(o.id(), o.businessId(), o.type(), o.title().values(), o.summary().values(),
                    o.sectors(), o.subsectors(), o.keywords(), o.cooperationTypes(), o.targetCountries(),
                    o.referenceCode(), o.validUntil(), o.status(), o.withdrawalReason(), v.version());
        }
    }

    private final OpportunityService opportunities;

    OpportunityController(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @PostMapping
    @Operation(summary = "Draft an opportunity (a business its own, operators for any business with a profile)")
    @ApiResponse(responseCode = "201", description = "Drafted; Location and ETag name it")
    @ApiResponse(responseCode = "422", description = "businessId has no profile",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OpportunityResponse> draft(Caller caller, @RequestBody DraftRequest request) {
        Versioned<Opportunity> drafted = opportunities.draft(caller, request.businessId(),
                request.input());
        return ResponseEntity.created(URI.create(BASE + "/" + drafted.aggregate().id()))
                .eTag(ETags.of(drafted.version())).body(OpportunityResponse.of(drafted));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an opportunity: a published one anybody with an identity; others only their business "
            + "and operators (404 for everybody else)")
    ResponseEntity<OpportunityResponse> get(Caller caller, @PathVariable UUID id) {
        return answer(opportunities.get(caller, id));
    }

    @GetMapping
    @Operation(summary = "List opportunities by id, a page at a time (others' only when published): follow next as "
            + "the cursor until it is null")
    @ApiResponse(responseCode = "200", description = "A page of opportunities; next is the cursor of the following page")
    @ApiResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid; the problem names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Page<OpportunityResponse> list(Caller caller,
            @Parameter(description = "only this business's", example = "hydrogen-koriyama")
            @RequestParam(required = false) String businessId,
            @Parameter(description = "only in this status", example = "PUBLISHED") @RequestParam(required = false)
            String status,
            @Parameter(description = "only of this type", example = "RND_COOPERATION_REQUEST") @RequestParam(required = false)
            String type,
            @Parameter(description = "only in this sector", example = "RENEWABLE_ENERGY") @RequestParam(required = false)
            String sector,
            @Parameter(description = "only in this subsector", example = "HYDROGEN")
            @RequestParam(required = false) String subsector,
            @Parameter(description = "only with this keyword (case ignored)", example = "hydrogen")
            @RequestParam(required = false) String keyword,
            @Parameter(description = "only those open to this country (naming it, or no country at all)",
                    example = "DE") @RequestParam(required = false) String targetCountry,
            @Parameter(description = "the next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (default 50)")
            @RequestParam(required = false) Integer limit) {
        return opportunities.list(caller, businessId, status, type, sector, subsector, keyword, targetCountry,
                PageRequest.of(cursor, limit)).map(OpportunityResponse::of);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the content of a draft or published opportunity (its business, operators)")
    @ApiResponse(responseCode = "200", description = "Replaced; the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Expired or withdrawn: it cannot be changed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OpportunityResponse> replace(Caller caller, @PathVariable UUID id, @RequestBody ContentBody request,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(opportunities.revise(caller, id, request.input(), ETags.expected(ifMatch)));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft (its business, operators): it is proposed to others from now on")
    @ApiResponse(responseCode = "200", description = "Published; the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Not a draft",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OpportunityResponse> publish(Caller caller, @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(opportunities.publish(caller, id, ETags.expected(ifMatch)));
    }

    @PostMapping("/{id}/renew")
    @Operation(summary = "Renew a published or expired opportunity until a new validUntil (an expired one is "
            + "published again)")
    @ApiResponse(responseCode = "200", description = "Renewed until the new validUntil; the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "A draft or withdrawn opportunity is not renewed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OpportunityResponse> renew(Caller caller, @PathVariable UUID id, @RequestBody RenewRequest request,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(opportunities.renew(caller, id, request.validUntil(), ETags.expected(ifMatch)));
    }

    /** DELETE, as the end of an opportunity's life: it stays readable, WITHDRAWN, to its business and operators. */
    @DeleteMapping("/{id}")
    @Operation(summary = "Withdraw an opportunity (its business; operators, e.g. abusive content, with a reason); it "
            + "stays readable to its business and operators as WITHDRAWN")
    @ApiResponse(responseCode = "200", description = "Withdrawn (or it was already); the ETag is the new version")
    ResponseEntity<OpportunityResponse> withdraw(Caller caller, @PathVariable UUID id,
            @Parameter(description = "why, at most 500 characters; an operator withdrawing abusive content says so "
                    + "here", example = "Found a research partner at the matching event")
            @RequestParam(required = false) String reason,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(opportunities.withdraw(caller, id, reason, ETags.expected(ifMatch)));
    }

    private static ResponseEntity<OpportunityResponse> answer(Versioned<Opportunity> v) {
        return ResponseEntity.ok().eTag(ETags.of(v.version())).body(OpportunityResponse.of(v));
    }
}
