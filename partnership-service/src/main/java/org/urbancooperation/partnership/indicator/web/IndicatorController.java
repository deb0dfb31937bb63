package org.urbancooperation.partnership.indicator.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.partnership.indicator.application.IndicatorService;
import org.urbancooperation.partnership.indicator.application.IndicatorService.IndicatorView;
import org.urbancooperation.partnership.indicator.application.PartnershipActivityService;
import org.urbancooperation.partnership.indicator.domain.Indicator;
import org.urbancooperation.partnership.indicator.domain.PartnershipActivity;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A partnership's programme indicators. Requests carry shape only; the domain checks every rule and names the field,
 * so a field's error is the same whichever rule it breaks.
 */
@RestController
@RequestMapping("/api/v1/partnerships/{id}")
@Tag(name = "Programme indicators", description = "Indicators of a partnership with targets, and their actual values")
class IndicatorController {

    // The documented example is a MANUAL indicator (no measure): one that takes hand-entered values as well.
    @Schema(example = "{\"code\": \"IURC-EV-1\", \"name\": {\"en\": \"Joint seminars and study tours held\"}, "
            + "\"unit\": \"events\", \"source\": \"MANUAL\", \"baseline\": 0, \"target\": 4, "
            + "\"targetDate\": \"2021-12-31\"}")
    record DefineIndicatorRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "IURC-EV-1",
                    description = "upper-case letters and digits joined by - . or _, unique within the partnership")
            String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Joint seminars and study tours held\"}",
                    description = "by BCP 47 language tag; en required") Map<String, String> name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "events") String unit,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"AUTOMATIC", "MANUAL"},
                    example = "AUTOMATIC") String source,
            @Schema(description = "AUTOMATIC indicators only: what is counted", allowableValues = {
                    "COOPERATION_EVENTS_HELD", "PARTICIPANTS_REGISTERED", "MATCHING_EVENTS_HELD", "MATCHES_ACCEPTED",
                    "B2B_MEETINGS_HELD", "BUSINESS_AGREEMENTS_REACHED"}, example = "COOPERATION_EVENTS_HELD")
            String measure,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0", description = "0 or more")
            BigDecimal baseline,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "4", description = "greater than 0")
            BigDecimal target,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2021-12-31") LocalDate targetDate) {
    }

    record SetTargetRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0") BigDecimal baseline,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "6") BigDecimal target,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2022-12-31") LocalDate targetDate) {
    }

    record EnterValueRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2") BigDecimal value,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2020-12-31",
                    description = "the date the value was measured for") LocalDate measuredOn,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Annual report of the partnership",
                    description = "where the number comes from") String source) {
    }

    record ManualValueResponse(BigDecimal value, LocalDate measuredOn, String source, String enteredBy,
            Instant enteredAt) {
    }

    record IndicatorResponse(UUID partnershipId, String code, Map<String, String> name, String unit, String source,
            String measure, BigDecimal baseline, BigDecimal target, LocalDate targetDate,
            @Schema(description = "AUTOMATIC: the things counting now; MANUAL: the latest value (null before the first)")
            BigDecimal actual,
            @Schema(description = "actual / target, 4 decimals; null without an actual") BigDecimal progress,
            @Schema(description = "MANUAL indicators: every value entered, oldest first") List<ManualValueResponse> values,
            long version) {

        static IndicatorResponse of(IndicatorView view) {
            Indicator i = view.indicator();
            return new IndicatorResponse(i.partnershipId(), i.code(), i.name().values(), i.unit(), i.source().name(),
                    i.measure() == null ? null : i.measure().name(), i.baseline(), i.target(), i.targetDate(),
                    view.actual().orElse(null), view.progress().orElse(null),
                    i.manualValues().stream().map(v -> new ManualValueResponse(v.value(), v.measuredOn(), v.source(),
                            v.enteredBy(), v.enteredAt())).toList(),
                    view.version());
        }
    }

    private final IndicatorService indicators;
    private final PartnershipActivityService activity;

    IndicatorController(IndicatorService indicators, PartnershipActivityService activity) {
        this.indicators = indicators;
        this.activity = activity;
    }

    @GetMapping("/indicators")
    @Operation(summary = "The partnership's indicators by code, with actuals and progress (cursor pages)")
    Page<IndicatorResponse> list(@PathVariable UUID id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Caller caller) {
        return indicators.page(caller, id, PageRequest.of(cursor, limit)).map(IndicatorResponse::of);
    }

    @PostMapping("/indicators")
    @Operation(summary = "Define an indicator with its target (operators)")
    @ApiResponse(responseCode = "201", description = "Defined; Location and ETag name it")
    @ApiResponse(responseCode = "409", description = "The partnership has an indicator with this code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<IndicatorResponse> define(@PathVariable UUID id, @RequestBody DefineIndicatorRequest request,
            Caller caller) {
        IndicatorView defined = indicators.define(caller, id, new IndicatorService.DefineInput(request.code(),
                request.name(), request.unit(), request.source(), request.measure(), request.baseline(),
                request.target(), request.targetDate()));
        return ResponseEntity.created(URI.create("/api/v1/partnerships/" + id + "/indicators/"
                        + defined.indicator().code()))
                .eTag(ETags.of(defined.version())).body(IndicatorResponse.of(defined));
    }

    @GetMapping("/indicators/{code}")
    @Operation(summary = "Read an indicator; its ETag is the version to send as If-Match when changing it")
    ResponseEntity<IndicatorResponse> get(@PathVariable UUID id, @PathVariable String code, Caller caller) {
        IndicatorView found = indicators.get(caller, id, code);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(IndicatorResponse.of(found));
    }

    @PutMapping("/indicators/{code}/target")
    @Operation(summary = "Set the baseline, target and target date (operators; If-Match optional, 412 when stale)")
    @ApiResponse(responseCode = "200", description = "Set; the new ETag is the new version")
    @ApiResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<IndicatorResponse> setTarget(@PathVariable UUID id, @PathVariable String code,
            @RequestBody SetTargetRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        IndicatorView changed = indicators.setTarget(caller, id, code, request.baseline(), request.target(),
                request.targetDate(), ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(IndicatorResponse.of(changed));
    }

    @PostMapping("/indicators/{code}/values")
    @Operation(summary = "Enter a value of a MANUAL indicator (operators and staff of member organisations; "
            + "If-Match optional)")
    @ApiResponse(responseCode = "200", description = "Entered; the new ETag is the new version")
    @ApiResponse(responseCode = "409", description = "The indicator is AUTOMATIC: its values are counted",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<IndicatorResponse> enterValue(@PathVariable UUID id, @PathVariable String code,
            @RequestBody EnterValueRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        IndicatorView changed = indicators.enterValue(caller, id, code, request.value(), request.measuredOn(),
                request.source(), ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(IndicatorResponse.of(changed));
    }

    @GetMapping("/activity")
    @Operation(summary = "Cooperation events scheduled (by format) and matching events opened, as the other services "
            + "reported them (the counters that stood in for indicators before)")
    PartnershipActivity activity(@PathVariable UUID id, Caller caller) {
        return activity.of(caller, id);
    }
}
