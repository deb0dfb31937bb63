package org.urbancooperation.partnership.programme.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.partnership.programme.application.ProgrammeService;
import org.urbancooperation.partnership.programme.domain.Programme;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes", description = "Cooperation programmes (IURC, IUC Asia) and their thematic networks")
@Validated
class ProgrammeController {

    record NetworkRequest(
            @Schema(example = "climate-energy-water-air") @NotNull String id,
            @Schema(example = "{\"en\": \"Climate Action, Energy, Water & Air Quality\"}") @NotNull
            Map<String, String> names) {
    }

    record PeriodRequest(@Schema(example = "2020-10-13") LocalDate from, LocalDate to) {
    }

    record RegisterProgrammeRequest(
            @Schema(example = "iurc", description = "the programme's id, a lower-case slug chosen by the caller")
            @NotNull String id,
            @Schema(example = "{\"en\": \"International Urban and Regional Cooperation\"}") @NotNull
            Map<String, String> names,
            String funder,
            @Schema(example = "[\"China\", \"India\", \"Japan\"]") List<String> regions,
            @Valid PeriodRequest period,
            @Schema(example = "iuc-asia", description = "the id of the programme this one continues") String continues,
            List<@NotNull @Valid NetworkRequest> networks) {

        Programme.Details details() {
            return ProgrammeController.details(names, funder, regions, period, continues, networks);
        }
    }

    /** A merge patch: absent fields stay as they are; a field given replaces the whole value. */
    record ChangeProgrammeRequest(Map<String, String> names, String funder, List<String> regions,
            @Valid PeriodRequest period, String continues, List<@NotNull @Valid NetworkRequest> networks) {
    }

    record NetworkResponse(String id, Map<String, String> names) {
    }

    record PeriodResponse(LocalDate from, LocalDate to) {
    }

    record ProgrammeResponse(String id, Map<String, String> names, String funder, List<String> regions,
            PeriodResponse period, String continues, List<NetworkResponse> networks, long version) {

        static ProgrammeResponse of(Versioned<Programme> v) {
            Programme p = v.aggregate();
            return new ProgrammeResponse(p.id(), p.names().values(), p.funder(), p.regions(),
                    new PeriodResponse(p.from(), p.to()), p.continues(),
                    p.networks().stream().map(n -> new NetworkResponse(n.id(), n.names().values())).toList(),
                    v.version());
        }
    }

    private final ProgrammeService programmes;

    ProgrammeController(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @PostMapping
    @Operation(summary = "Register a programme under an id of the caller's choice (operators)")
    @ApiResponse(responseCode = "201", description = "Registered; Location and ETag name it")
    @ApiResponse(responseCode = "409", description = "The id is taken",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "continues names a programme that is not registered",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProgrammeResponse> register(@Valid @RequestBody RegisterProgrammeRequest request, Caller caller) {
        Versioned<Programme> created = programmes.register(caller, request.id(), request.details());
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + created.aggregate().id()))
                .eTag(ETags.of(created.version())).body(ProgrammeResponse.of(created));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a programme (operators; a JSON merge patch; If-Match recommended)")
    @ApiResponse(responseCode = "200", description = "Changed; the new ETag is the new version")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProgrammeResponse> change(@PathVariable String id, @Valid @RequestBody ChangeProgrammeRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        Versioned<Programme> changed = programmes.change(caller, id, details(request.names(), request.funder(),
                request.regions(), request.period(), request.continues(), request.networks()), ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(ProgrammeResponse.of(changed));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a programme (anybody); its ETag is the version to send as If-Match")
    ResponseEntity<ProgrammeResponse> get(@PathVariable String id) {
        Versioned<Programme> found = programmes.get(id);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(ProgrammeResponse.of(found));
    }

    @GetMapping
    @Operation(summary = "List programmes (anybody), a page at a time in id order; follow next as cursor")
    Page<ProgrammeResponse> list(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return programmes.list(PageRequest.of(cursor, limit)).map(ProgrammeResponse::of);
    }

    static Programme.Details details(Map<String, String> names, String funder, List<String> regions,
            PeriodRequest period, String continues, List<NetworkRequest> networks) {
        return new Programme.Details(names, funder, regions,
                period == null ? null : new Programme.Period(period.from(), period.to()), continues,
                networks == null ? null : networks.stream()
                        .map(n -> new Programme.NetworkInput(n.id(), n.names())).toList());
    }
}
