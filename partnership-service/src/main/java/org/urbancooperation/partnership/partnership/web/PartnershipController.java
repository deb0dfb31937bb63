package org.urbancooperation.partnership.partnership.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.partnership.partnership.application.PartnershipService;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/partnerships")
@Tag(name = "Partnerships", description = "Partnerships between cities and the agreements they sign")
@Validated
class PartnershipController {

    record CityRequest(
            @Schema(example = "Koriyama") @NotBlank @Size(max = 100) String name,
            @Schema(example = "JP", description = "ISO 3166-1 alpha-2")
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE or JP")
            String countryCode,
            @Schema(example = "Asia/Tokyo", description = "IANA time zone") @NotBlank @Size(max = 64) String timeZone) {
    }

    record EstablishPartnershipRequest(
            @Schema(example = "Essen - Koriyama") @NotBlank @Size(max = 200) String name,
            @Schema(example = "[{\"name\": \"Essen\", \"countryCode\": \"DE\", \"timeZone\": \"Europe/Berlin\"}, "
                    + "{\"name\": \"Koriyama\", \"countryCode\": \"JP\", \"timeZone\": \"Asia/Tokyo\"}]")
            @NotNull @Size(min = 2, max = Partnership.MAX_CITIES) List<@NotNull @Valid CityRequest> cities,
            @Schema(example = "[\"renewable-energy\", \"medical-devices\", \"education\"]",
                    description = "lower-case slugs of at most 64 characters")
            @Size(max = 20) List<@NotBlank @Size(max = Require.MAX_SLUG) String> themes,
            @Schema(example = "2019-08-27", description = "a date of the years 1900 to 2200")
            @NotNull LocalDate establishedOn,
            @Schema(example = "[\"city-of-essen\", \"city-of-koriyama\"]",
                    description = "the organisations taking part, as lower-case slugs of at most 64 characters")
            @Size(max = 20) List<@NotBlank @Size(max = Require.MAX_SLUG) String> partnerOrganisations) {
    }

    record SignAgreementRequest(
            @Schema(example = "Agreement on continued cooperation") @NotBlank @Size(max = 200) String title,
            @Schema(example = "2019-09-20", description = "a date of the years 1900 to 2200, not before the "
                    + "partnership was established") @NotNull LocalDate signedOn) {
    }

    record CityResponse(String name, String countryCode, String timeZone) {
    }

    record AgreementResponse(UUID id, String title, LocalDate signedOn) {
    }

    record PartnershipResponse(UUID id, String name, List<CityResponse> cities, List<String> themes,
            LocalDate establishedOn, List<AgreementResponse> agreements, List<String> partnerOrganisations,
            long version) {

        static PartnershipResponse of(Partnership p, long version) {
            return new PartnershipResponse(p.id(), p.name(),
                    p.cities().stream().map(c -> new CityResponse(c.name(), c.countryCode(), c.timeZone().getId()))
                            .toList(),
                    p.themes(), p.establishedOn(),
                    p.agreements().stream().map(a -> new AgreementResponse(a.id(), a.title(), a.signedOn())).toList(),
                    p.partnerOrganisations(), version);
        }
    }

    private final PartnershipService partnerships;

    PartnershipController(PartnershipService partnerships) {
        this.partnerships = partnerships;
    }

    @PostMapping
    @Operation(summary = "Establish a partnership between two or more cities")
    @ApiResponse(responseCode = "201", description = "Established; Location and ETag name it")
    @ApiResponse(responseCode = "400", description = "A field is invalid; the problem's errors name it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartnershipResponse> establish(@Valid @RequestBody EstablishPartnershipRequest request,
            Caller caller) {
        Versioned<Partnership> created = partnerships.establish(caller, request.name(),
                request.cities().stream()
                        .map(c -> new PartnershipService.CityInput(c.name(), c.countryCode(), c.timeZone())).toList(),
                request.themes(), request.establishedOn(), request.partnerOrganisations());
        return ResponseEntity.created(URI.create("/api/v1/partnerships/" + created.aggregate().id()))
                .eTag(ETags.of(created.version()))
                .body(PartnershipResponse.of(created.aggregate(), created.version()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a partnership; its ETag is the version to send as If-Match when changing it")
    ResponseEntity<PartnershipResponse> get(@PathVariable UUID id) {
        Versioned<Partnership> found = partnerships.get(id);
        return ResponseEntity.ok().eTag(ETags.of(found.version()))
                .body(PartnershipResponse.of(found.aggregate(), found.version()));
    }

    @GetMapping
    @Operation(summary = "List partnerships, optionally those with an exact name")
    List<PartnershipResponse> list(@RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return partnerships.list(name, offset, limit).stream()
                .map(v -> PartnershipResponse.of(v.aggregate(), v.version()))
                .toList();
    }

    @PostMapping("/{id}/agreements")
    @Operation(summary = "Record an agreement the partner cities signed (If-Match optional)")
    @ApiResponse(responseCode = "200", description = "Signed; the new ETag is the new version")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartnershipResponse> signAgreement(@PathVariable UUID id,
            @Valid @RequestBody SignAgreementRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        Versioned<Partnership> signed = partnerships.signAgreement(caller, id, request.title(), request.signedOn(),
                ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(signed.version()))
                .body(PartnershipResponse.of(signed.aggregate(), signed.version()));
    }
}
