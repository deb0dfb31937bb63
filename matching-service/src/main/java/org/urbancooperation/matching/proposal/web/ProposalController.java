package org.urbancooperation.matching.proposal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.profile.domain.BusinessKind;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.profile.domain.BusinessSize;
import org.urbancooperation.matching.proposal.application.ProposalService;
import org.urbancooperation.matching.proposal.domain.Score;
import org.urbancooperation.matching.proposal.domain.ScorePart;
import org.urbancooperation.matching.proposal.domain.ScoreRule;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The matching engine's proposals for one opportunity, best first, each with the reasons for its score. */
@RestController
@Tag(name = "Proposals", description = "Ranked partners for an opportunity, each score explained in words and terms")
class ProposalController {

    record PartResponse(
            @Schema(example = "SUBSECTORS") ScoreRule rule,
            @Schema(example = "20") int points,
            @Schema(example = "both in hygiene and disinfection") String reason,
            @Schema(example = "[]", description = "the words behind the reason (the text rule's matched terms)")
            List<String> terms) {

        static PartResponse of(ScorePart p) {
            return new PartResponse(p.rule(), p.points(), p.reason(), p.terms());
        }
    }

    /** The other opportunity as everybody sees a published one. */
    record OpportunitySummary(UUID id, String businessId, OpportunityType type, Map<String, String> title,
            Map<String, String> summary, List<Sector> sectors, List<Subsector> subsectors, List<String> keywords,
            List<CooperationType> cooperationTypes, List<String> targetCountries, String referenceCode,
            Instant validUntil) {

        static OpportunitySummary of(Opportunity o) {
            return new OpportunitySummary(o.id(), o.businessId(), o.type(), o.title().values(), o.summary().values(),
                    o.sectors(), o.subsectors(), o.keywords(), o.cooperationTypes(), o.targetCountries(),
                    o.referenceCode(), o.validUntil());
        }
    }

    /** The other business's public profile: never its contacts, which only a confirmed match partner sees. */
    record BusinessSummary(String id, Map<String, String> names, BusinessKind kind, String country, String city,
            List<Sector> sectors, List<Subsector> subsectors, BusinessSize size, List<String> languages,
            String timeZone, Map<String, String> description) {

        static BusinessSummary of(BusinessProfile p) {
            return new BusinessSummary(p.id(), p.names().values(), p.kind(), p.country(), p.city(), p.sectors(),
                    p.subsectors(), p.size(), p.languages(), p.timeZone().getId(), p.description().values());
        }
    }

    record ProposalResponse(
            @Schema(example = "85", description = "the sum of the breakdown's points") int score,
            @Schema(example = "100", description = "the most any pair can score") int maxScore,
            List<PartResponse> breakdown,
            OpportunitySummary opportunity,
            @Schema(description = "null when the business has no profile (any more)") BusinessSummary business) {

        static ProposalResponse of(ProposalService.Proposal p) {
            Score score = p.score();
            return new ProposalResponse(score.total(), Score.MAX, score.parts().stream().map(PartResponse::of).toList(),
                    OpportunitySummary.of(p.other().aggregate()),
                    p.otherBusiness().map(BusinessSummary::of).orElse(null));
        }
    }

    private final ProposalService proposals;

    ProposalController(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GetMapping("/api/v1/matching/opportunities/{id}/proposals")
    @Operation(summary = "The best partners for an opportunity (its business, operators; 404 for everybody else): "
            + "published opportunities of other businesses whose type complements it, best first, each with a score "
            + "and the reasons for it. One ranked page: next is always null; ask for a larger limit to see more")
    @ApiResponse(responseCode = "200", description = "Proposals, best first")
    @ApiResponse(responseCode = "400", description = "limit is not within 1 and 50; the problem names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such opportunity, or another business's",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Page<ProposalResponse> proposals(Caller caller, @PathVariable UUID id,
            @Parameter(description = "how many proposals, 1 to 50 (default 10)", example = "10")
            @RequestParam(required = false) Integer limit) {
        return new Page<>(proposals.proposals(caller, id, limit).stream().map(ProposalResponse::of).toList(), null);
    }
}
