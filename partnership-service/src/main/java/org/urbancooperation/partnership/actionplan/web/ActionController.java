package org.urbancooperation.partnership.actionplan.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.partnership.actionplan.application.ActionPlanService;
import org.urbancooperation.partnership.actionplan.domain.Action;
import org.urbancooperation.partnership.actionplan.domain.ActionFormat;
import org.urbancooperation.partnership.actionplan.domain.ActionMoveRefused;
import org.urbancooperation.partnership.actionplan.domain.ActionStatus;
import org.urbancooperation.partnership.actionplan.domain.HistoryEntry;
import org.urbancooperation.partnership.actionplan.domain.PlannedWindow;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;
import org.urbancooperation.support.web.Problems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A partnership's actions: plan, edit, move between statuses, change the format; each change is kept in the
 * action's history. Requests carry shape only; the domain checks every value and names the field.
 */
@RestController
@RequestMapping("/api/v1/partnerships/{partnershipId}/actions")
@Tag(name = "Action plans", description = "Focal points and actions of a partnership, with each action's history")
class ActionController {

    private static final String MONTH_OR_DAY = "a month (YYYY-MM) or a day (YYYY-MM-DD), years 1900 to 2200";

    record PlanActionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID focalPointId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "by BCP 47 language tag, en required",
                    example = "{\"en\": \"Participate in E-world energy & water 2021 in Essen\"}")
            Map<String, String> title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "renewable-energy") String theme,
            @Schema(description = "the programme's thematic network, a slug") String network,
            @Schema(description = "the leading organisation's slug, where one is named", example = "city-of-koriyama")
            String leadOrganisationId,
            @Schema(example = "[\"city-of-essen\"]") List<String> partnerOrganisationIds,
            @Schema(description = MONTH_OR_DAY, example = "2021-02") String plannedFrom,
            @Schema(description = MONTH_OR_DAY + "; absent: the window is plannedFrom alone") String plannedTo,
            @Schema(description = "absent while undecided") ActionFormat format) {
    }

    record EditActionRequest(UUID focalPointId,
            @Schema(description = "replaces the whole title; by BCP 47 language tag, en required")
            Map<String, String> title,
            String theme, String network, String leadOrganisationId,
            @Schema(description = "replaces the whole list") List<String> partnerOrganisationIds,
            @Schema(description = MONTH_OR_DAY) String plannedFrom,
            @Schema(description = MONTH_OR_DAY) String plannedTo) {
    }

    record StatusChangeRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "POSTPONED") ActionStatus status,
            @Schema(description = "required for POSTPONED and CANCELLED", maxLength = Action.MAX_REASON,
                    example = "Postponed due to COVID-19") String reason,
            @Schema(description = "the new window's start (POSTPONED, PLANNED, UNDERWAY only); " + MONTH_OR_DAY,
                    example = "2021-04") String plannedFrom,
            @Schema(description = "the new window's end; " + MONTH_OR_DAY) String plannedTo) {
    }

    record FormatChangeRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ONLINE") ActionFormat format,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Action.MAX_REASON,
                    example = "Moved online due to COVID-19") String reason) {
    }

    record ChangedBy(String subject, String organisationId) {
    }

    record HistoryResponse(String kind, String from, String to, String reason, String plannedFrom, String plannedTo,
            List<String> changedFields, ChangedBy by, Instant at) {

        static HistoryResponse of(HistoryEntry e) {
            return new HistoryResponse(e.kind().name(), e.from(), e.to(), e.reason(), startOf(e.window()),
                    endOf(e.window()), e.changedFields(), new ChangedBy(e.by().subject(), e.by().organisationId()),
                    e.at());
        }
    }

    record ActionResponse(UUID id, UUID partnershipId, UUID focalPointId, Map<String, String> title, String theme,
            String network, String leadOrganisationId, List<String> partnerOrganisationIds, String plannedFrom,
            String plannedTo, String format, String status,
            @Schema(description = "the reason of the latest status change, e.g. why it is postponed") String statusReason,
            List<HistoryResponse> history, long version) {

        static ActionResponse of(Versioned<Action> v) {
            Action a = v.aggregate();
            return new ActionResponse(a.id(), a.partnershipId(), a.focalPointId(), a.title().values(), a.theme(),
                    a.network(), a.leadOrganisationId(), a.partnerOrganisationIds(), startOf(a.window()), endOf(a.window()),
                    a.format() == null ? null : a.format().name(), a.status().name(), a.statusReason(),
                    a.history().stream().map(HistoryResponse::of).toList(), v.version());
        }
    }

    private final ActionPlanService plans;

    ActionController(ActionPlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "A partnership's actions in a stable order, a page at a time; optionally by status or focal point")
    Page<ActionResponse> list(Caller caller, @PathVariable UUID partnershipId,
            @RequestParam(required = false) ActionStatus status, @RequestParam(required = false) UUID focalPointId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return plans.actions(caller, partnershipId, status, focalPointId, PageRequest.of(cursor, limit))
                .map(ActionResponse::of);
    }

    @GetMapping("/{actionId}")
    @Operation(summary = "Read an action with its history; its ETag is the version to send as If-Match")
    ResponseEntity<ActionResponse> get(Caller caller, @PathVariable UUID partnershipId, @PathVariable UUID actionId) {
        return respond(plans.action(caller, partnershipId, actionId));
    }

    @PostMapping
    @Operation(summary = "Plan an action under one of the partnership's focal points (status PLANNED)")
    @ApiResponse(responseCode = "201", description = "Planned; Location and ETag name it")
    @ApiResponse(responseCode = "422", description = "focalPointId is not one of this partnership's focal points",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ActionResponse> plan(Caller caller, @PathVariable UUID partnershipId,
            @RequestBody PlanActionRequest r) {
        Versioned<Action> planned = plans.plan(caller, partnershipId, new Action.Plan(r.focalPointId(), r.title(),
                r.theme(), r.network(), r.leadOrganisationId(), r.partnerOrganisationIds(), r.plannedFrom(),
                r.plannedTo(), r.format()));
        return ResponseEntity.created(URI.create("/api/v1/partnerships/" + partnershipId + "/actions/"
                + planned.aggregate().id())).eTag(ETags.of(planned.version())).body(ActionResponse.of(planned));
    }

    @PatchMapping("/{actionId}")
    @Operation(summary = "Change an action's details (absent fields stay); recorded in its history")
    @ApiResponse(responseCode = "200", description = "Changed (or nothing to change); the new ETag is the new version")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "focalPointId is not one of this partnership's focal points",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ActionResponse> edit(Caller caller, @PathVariable UUID partnershipId, @PathVariable UUID actionId,
            @RequestBody EditActionRequest r, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(plans.edit(caller, partnershipId, actionId, new Action.Edit(r.focalPointId(), r.title(),
                r.theme(), r.network(), r.leadOrganisationId(), r.partnerOrganisationIds(), r.plannedFrom(),
                r.plannedTo()), ETags.expected(ifMatch)));
    }

    @PostMapping("/{actionId}/status")
    @Operation(summary = "Move an action to another status: UNDERWAY, COMPLETED, POSTPONED (reason, new window), "
            + "back to PLANNED or UNDERWAY, CANCELLED (reason)")
    @ApiResponse(responseCode = "200", description = "Moved, with a new history entry; the new ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Not possible from the current status: the problem names it "
            + "(currentStatus) and the moves allowed from it (allowedStatuses)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ActionResponse> moveTo(Caller caller, @PathVariable UUID partnershipId, @PathVariable UUID actionId,
            @RequestBody StatusChangeRequest r, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(plans.moveTo(caller, partnershipId, actionId, r.status(), r.reason(), r.plannedFrom(),
                r.plannedTo(), ETags.expected(ifMatch)));
    }

    @PostMapping("/{actionId}/format")
    @Operation(summary = "Change how an action takes place, with a reason (e.g. moved online); the status stays")
    @ApiResponse(responseCode = "200", description = "Changed, with a new history entry; the new ETag is the new version")
    @ApiResponse(responseCode = "409", description = "The action is completed or cancelled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ActionResponse> changeFormat(Caller caller, @PathVariable UUID partnershipId,
            @PathVariable UUID actionId, @RequestBody FormatChangeRequest r,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(plans.changeFormat(caller, partnershipId, actionId, r.format(), r.reason(),
                ETags.expected(ifMatch)));
    }

    /** 409 naming the current status and the moves allowed from it, so a client can offer them. */
    @ExceptionHandler(ActionMoveRefused.class)
    ResponseEntity<ProblemDetail> moveRefused(ActionMoveRefused e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation", "Not allowed in the current state",
                e.getMessage());
        problem.setProperty("currentStatus", e.current().name());
        problem.setProperty("allowedStatuses", e.allowed().stream().map(Enum::name).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static ResponseEntity<ActionResponse> respond(Versioned<Action> v) {
        return ResponseEntity.ok().eTag(ETags.of(v.version())).body(ActionResponse.of(v));
    }

    private static String startOf(PlannedWindow window) {
        return window == null ? null : window.from().text();
    }

    private static String endOf(PlannedWindow window) {
        return window == null || window.to() == null ? null : window.to().text();
    }
}
