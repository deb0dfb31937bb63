package org.urbancooperation.partnership.actionplan.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.partnership.actionplan.application.ActionPlanService;
import org.urbancooperation.partnership.actionplan.domain.FocalPoint;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A partnership's focal points. Requests carry shape only; the domain checks every value and names the field. */
@RestController
@RequestMapping("/api/v1/partnerships/{partnershipId}/focal-points")
@Tag(name = "Action plans", description = "Focal points and actions of a partnership, with each action's history")
class FocalPointController {

    record FocalPointRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "99", example = "1")
            Integer number,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "by BCP 47 language tag, en required",
                    example = "{\"en\": \"Continued knowledge transfer & study tours\"}")
            Map<String, String> title,
            @Schema(maxLength = FocalPoint.MAX_DESCRIPTION, example = "Continued knowledge transfer on renewable "
                    + "energy as one of the main drivers for Green Deal and water management") String description) {
    }

    record FocalPointChange(
            @Schema(minimum = "1", maximum = "99") Integer number,
            @Schema(description = "replaces the whole title; by BCP 47 language tag, en required")
            Map<String, String> title,
            @Schema(maxLength = FocalPoint.MAX_DESCRIPTION) String description) {
    }

    record FocalPointResponse(UUID id, UUID partnershipId, int number, Map<String, String> title,
            String description, long version) {

        static FocalPointResponse of(Versioned<FocalPoint> v) {
            FocalPoint f = v.aggregate();
            return new FocalPointResponse(f.id(), f.partnershipId(), f.number(), f.title().values(), f.description(),
                    v.version());
        }
    }

    private final ActionPlanService plans;

    FocalPointController(ActionPlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "A partnership's focal points, by number")
    List<FocalPointResponse> list(Caller caller, @PathVariable UUID partnershipId) {
        return plans.focalPoints(caller, partnershipId).stream().map(FocalPointResponse::of).toList();
    }

    @GetMapping("/{focalPointId}")
    @Operation(summary = "Read a focal point; its ETag is the version to send as If-Match")
    ResponseEntity<FocalPointResponse> get(Caller caller, @PathVariable UUID partnershipId,
            @PathVariable UUID focalPointId) {
        return respond(plans.focalPoint(caller, partnershipId, focalPointId));
    }

    @PostMapping
    @Operation(summary = "Define a focal point (operators, and partner staff of the partnership's organisations)")
    @ApiResponse(responseCode = "201", description = "Defined; Location and ETag name it")
    @ApiResponse(responseCode = "409", description = "Another focal point took this number at the same moment",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<FocalPointResponse> define(Caller caller, @PathVariable UUID partnershipId,
            @RequestBody FocalPointRequest request) {
        Versioned<FocalPoint> defined = plans.defineFocalPoint(caller, partnershipId, request.number(),
                request.title(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/partnerships/" + partnershipId + "/focal-points/"
                + defined.aggregate().id())).eTag(ETags.of(defined.version())).body(FocalPointResponse.of(defined));
    }

    @PatchMapping("/{focalPointId}")
    @Operation(summary = "Change a focal point's number, title or description (absent fields stay)")
    @ApiResponse(responseCode = "200", description = "Changed; the new ETag is the new version")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "A concurrent change won (without If-Match)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<FocalPointResponse> change(Caller caller, @PathVariable UUID partnershipId,
            @PathVariable UUID focalPointId, @RequestBody FocalPointChange request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(plans.changeFocalPoint(caller, partnershipId, focalPointId, request.number(), request.title(),
                request.description(), ETags.expected(ifMatch)));
    }

    private static ResponseEntity<FocalPointResponse> respond(Versioned<FocalPoint> v) {
        return ResponseEntity.ok().eTag(ETags.of(v.version())).body(FocalPointResponse.of(v));
    }
}
