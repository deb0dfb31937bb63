package org.urbancooperation.partnership.report.web;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.partnership.report.application.ReportService;
import org.urbancooperation.partnership.report.domain.PartnershipReport;
import org.urbancooperation.partnership.report.domain.ProgrammeReport;
import org.urbancooperation.partnership.report.web.ReportResponses.PartnershipReportResponse;
import org.urbancooperation.partnership.report.web.ReportResponses.ProgrammeReportResponse;
import org.urbancooperation.support.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The results reports, as JSON (the default) or as CSV ({@code Accept: text/csv}, a download). Both
 * representations are declared, so any other {@code Accept} is 406 problem+json before the report is read.
 */
@RestController
@Tag(name = "Results reports", description = "A partnership's results, and one report across a programme")
class ReportController {

    static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV_UTF8 = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/api/v1/partnerships/{id}/report", produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
    @Operation(summary = "A partnership's results report",
            description = "Actions by status (postponed and cancelled ones with why, those moved online), indicators "
                    + "against target, agreements, upcoming and past cooperation events. Anyone who may read the "
                    + "partnership (businesses and anonymous callers: ACTIVE ones only, 404 otherwise); never contacts. "
                    + "JSON by default; Accept: text/csv gives one CSV table (RFC 4180, UTF-8) as a download.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PartnershipReportResponse.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string",
                    description = "columns section,item,name,status,theme,from,to,value,baseline,target,unit,"
                            + "progress,detail"))})
    @ApiResponse(responseCode = "404", description = "No such partnership, or one the caller may not read",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "406", description = "Accept names neither application/json nor text/csv",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> partnershipReport(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Caller caller) {
        PartnershipReport report = reports.partnershipReport(caller, id);
        if (wantsCsv(accept)) {
            return csv(ReportCsv.partnership(report), "partnership-" + id + "-report.csv");
        }
        return json(PartnershipReportResponse.of(report));
    }

    @GetMapping(path = "/api/v1/programmes/{id}/report", produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
    @Operation(summary = "One report across a programme (operators)",
            description = "Per partnership of the programme its status, actions by status and indicators against "
                    + "target; and the totals. JSON by default; Accept: text/csv gives one CSV table as a download.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ProgrammeReportResponse.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string",
                    description = "columns section,item,name,status,theme,from,to,value,baseline,target,unit,"
                            + "progress,detail"))})
    @ApiResponse(responseCode = "401", description = "No identity",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such programme",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "406", description = "Accept names neither application/json nor text/csv",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> programmeReport(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Caller caller) {
        ProgrammeReport report = reports.programmeReport(caller, id);
        if (wantsCsv(accept)) {
            return csv(ReportCsv.programme(report), "programme-" + id + "-report.csv");
        }
        return json(ProgrammeReportResponse.of(report));
    }

    /**
     * CSV when the caller prefers it: the acceptable types by quality, the more specific first at equal quality;
     * the first that names JSON or CSV decides ({@code *}{@code /*} and no Accept: JSON). The mapping has refused
     * what names neither (406) before this runs.
     */
    static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept).stream()
                .filter(t -> t.getQualityValue() > 0)
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()
                        .thenComparing(MediaType::isWildcardType)
                        .thenComparing(MediaType::isWildcardSubtype))
                .toList();
        MediaType csv = MediaType.valueOf(TEXT_CSV);
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.isCompatibleWith(csv)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<Object> csv(String table, String filename) {
        return ResponseEntity.ok().contentType(CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .body(table.getBytes(StandardCharsets.UTF_8));
    }
}
