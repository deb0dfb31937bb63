package org.urbancooperation.partnership.partnership.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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
import org.urbancooperation.partnership.partnership.application.PartnershipFilter;
import org.urbancooperation.partnership.partnership.application.PartnershipService;
import org.urbancooperation.partnership.partnership.domain.Agreement;
import org.urbancooperation.partnership.partnership.domain.AgreementKind;
import org.urbancooperation.partnership.partnership.domain.PartnerCity;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipKind;
import org.urbancooperation.partnership.partnership.domain.PartnershipStatus;
import org.urbancooperation.partnership.partnership.domain.StatusMoveRefused;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;
import org.urbancooperation.support.web.Problems;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/partnerships")
@Tag(name = "Partnerships", description = "Partnerships between cities: their lifecycle, members, contacts and the "
        + "agreements they sign")
@Validated
class PartnershipController {

    record CityRequest(
            @Schema(example = "Koriyama") @NotBlank @Size(max = 100) String name,
            @Schema(example = "JP", description = "ISO 3166-1 alpha-2")
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE or JP")
            String countryCode,
            @Schema(example = "Asia/Tokyo", description = "IANA time zone") @NotBlank @Size(max = 64) String timeZone) {

        PartnershipService.CityInput input() {
            return new PartnershipService.CityInput(name, countryCode, timeZone);
        }
    }

    record MemberRequest(
            @Schema(example = "city-of-koriyama") String organisationId,
            @Schema(example = "koriyama", description = "one of the partnership's cityIds (optional)") String cityId,
            @Schema(example = "[\"renewable-energy\"]", description = "some of the partnership's themes")
            List<String> themes) {

        Partnership.MemberInput input() {
            return new Partnership.MemberInput(organisationId, cityId, themes);
        }
    }

    record ContactRequest(
            @Schema(example = "Yohei Watanabe") String name,
            @Schema(example = "Chief, Business Creation Division") String role,
            @Schema(example = "city-of-koriyama", description = "a member organisation") String organisationId,
            @Schema(example = "focal-point@example.org") String email) {

        Partnership.ContactInput input() {
            return new Partnership.ContactInput(name, role, organisationId, email);
        }
    }

    record EstablishPartnershipRequest(
            @Schema(example = "Essen - Koriyama", description = "the English name; or give names") String name,
            @Schema(example = "{\"en\": \"Essen - Koriyama\", \"ja\": \"エッセン・郡山\"}",
                    description = "the name by BCP 47 language tag, en required") Map<String, String> names,
            @Schema(description = "by language tag, like names") Map<String, String> description,
            PartnershipKind kind,
            @Schema(description = "PROPOSED, or ACTIVE (the default, as before issue 11)") PartnershipStatus status,
            @Schema(example = "iurc", description = "an id at /api/v1/programmes (422 when unknown)") String programmeId,
            @Schema(example = "[\"climate-energy-water-air\"]", description = "ids of the programme's networks")
            List<String> networks,
            @Schema(example = "[{\"name\": \"Essen\", \"countryCode\": \"DE\", \"timeZone\": \"Europe/Berlin\"}, "
                    + "{\"name\": \"Koriyama\", \"countryCode\": \"JP\", \"timeZone\": \"Asia/Tokyo\"}]",
                    description = "the cities inline (as before issue 11); or give cityIds", deprecated = true)
            List<@NotNull @Valid CityRequest> cities,
            @Schema(example = "[\"essen\", \"koriyama\"]", description = "ids at /api/v1/cities (422 when unknown)")
            List<String> cityIds,
            @Schema(example = "[\"renewable-energy\", \"medical-devices\", \"education\"]",
                    description = "lower-case slugs of at most 64 characters")
            List<String> themes,
            @Schema(example = "2019-08-27", description = "a date of the years 1900 to 2200")
            @NotNull LocalDate establishedOn,
            @Schema(example = "[\"city-of-essen\", \"city-of-koriyama\"]",
                    description = "the flat form of members (as before issue 11): organisations without city or themes")
            List<String> partnerOrganisations,
            @Schema(description = "member organisations per city and theme; ids at /api/v1/organisations")
            List<@NotNull @Valid MemberRequest> members,
            List<@NotNull @Valid ContactRequest> focalPointContacts) {
    }

    /** A JSON merge patch: absent (or null) fields stay as they are; a field given replaces the whole value. */
    record ChangePartnershipRequest(Map<String, String> names,
            @Schema(description = "{} removes the description") Map<String, String> description,
            PartnershipKind kind, String programmeId, List<String> networks,
            @Schema(description = "the cities inline (as before issue 11); or give cityIds", deprecated = true)
            List<@NotNull @Valid CityRequest> cities,
            @Schema(example = "[\"essen\", \"koriyama\"]", description = "ids at /api/v1/cities (422 when unknown)")
            List<String> cityIds, List<String> themes,
            List<@NotNull @Valid MemberRequest> members, List<@NotNull @Valid ContactRequest> focalPointContacts) {
    }

    record StatusRequest(
            @Schema(example = "ACTIVE") @NotNull PartnershipStatus status,
            @Schema(example = "Agreement on continued cooperation signed",
                    description = "required for SUSPENDED and CONCLUDED")
            String reason) {
    }

    record SignatoryRequest(@Schema(example = "Mayor of Koriyama") String name, String title, String organisationId) {
    }

    record DocumentRequest(@Schema(example = "Agreement on continued cooperation (signed copy)") String title,
            @Schema(example = "https://www.essen.de/") String url,
            @Schema(example = "de") String language, @Schema(example = "application/pdf") String mediaType) {
    }

    record SignAgreementRequest(
            @Schema(example = "Agreement on continued cooperation") @NotBlank @Size(max = 200) String title,
            @Schema(example = "2019-09-20", description = "a date of the years 1900 to 2200, not before the "
                    + "partnership was established") @NotNull LocalDate signedOn,
            @Schema(example = "AGREEMENT_ON_CONTINUED_COOPERATION") AgreementKind kind,
            @Schema(example = "koriyama", description = "an id at /api/v1/cities (422 when unknown)")
            String signedAtCityId,
            List<@NotNull @Valid SignatoryRequest> signatories,
            List<@NotNull @Valid DocumentRequest> documents) {
    }

    record CityResponse(String cityId, String name, String countryCode, String timeZone) {
    }

    record SignatoryResponse(String name, String title, String organisationId) {
    }

    record DocumentResponse(String title, String url, String language, String mediaType) {
    }

    record AgreementResponse(UUID id, String title, LocalDate signedOn, AgreementKind kind, String signedAtCityId,
            List<SignatoryResponse> signatories, List<DocumentResponse> documents) {

        static AgreementResponse of(Agreement a) {
            return new AgreementResponse(a.id(), a.title(), a.signedOn(), a.kind(), a.signedAtCityId(),
                    a.signatories().stream().map(s -> new SignatoryResponse(s.name(), s.title(), s.organisationId()))
                            .toList(),
                    a.documents().stream().map(d -> new DocumentResponse(d.title(), d.url(), d.language(),
                            d.mediaType())).toList());
        }
    }

    record MemberResponse(String organisationId, String cityId, List<String> themes) {
    }

    record ContactResponse(String name, String role, String organisationId, String email) {
    }

    /** {@code focalPointContacts} is absent for callers who may not see contacts. */
    record PartnershipResponse(UUID id, String name, Map<String, String> names, Map<String, String> description,
            PartnershipKind kind, PartnershipStatus status, String programmeId, List<String> networks,
            List<CityResponse> cities, List<String> themes, LocalDate establishedOn, List<AgreementResponse> agreements,
            List<MemberResponse> members, List<String> partnerOrganisations,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ContactResponse> focalPointContacts, long version) {

        static PartnershipResponse of(PartnershipService.View view) {
            Partnership p = view.partnership().aggregate();
            return new PartnershipResponse(p.id(), p.name(), p.names().values(),
                    p.description() == null ? null : p.description().values(), p.kind(), p.status(), p.programmeId(),
                    p.networks(),
                    p.cities().stream().map(c -> new CityResponse(c.cityId(), c.name(), c.countryCode(),
                            c.timeZone().getId())).toList(),
                    p.themes(), p.establishedOn(), p.agreements().stream().map(AgreementResponse::of).toList(),
                    p.members().stream().map(m -> new MemberResponse(m.organisationId(), m.cityId(), m.themes()))
                            .toList(),
                    p.partnerOrganisations(),
                    view.contactsVisible() ? p.focalPointContacts().stream().map(c -> new ContactResponse(c.name(),
                            c.role(), c.organisationId(), c.email())).toList() : null,
                    view.partnership().version());
        }
    }

    private final PartnershipService partnerships;

    PartnershipController(PartnershipService partnerships) {
        this.partnerships = partnerships;
    }

    @PostMapping
    @Operation(summary = "Establish a partnership between two or more cities (operators; partners for their own "
            + "organisation)")
    @ApiResponse(responseCode = "201", description = "Established; Location and ETag name it")
    @ApiResponse(responseCode = "400", description = "A field is invalid; the problem's errors name it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "programmeId, a city id or a member organisation is unknown",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartnershipResponse> establish(@Valid @RequestBody EstablishPartnershipRequest r, Caller caller) {
        PartnershipService.View created = partnerships.establish(caller, new PartnershipService.Establish(r.name(),
                r.names(), r.description(), r.kind(), r.status(), r.programmeId(), r.networks(),
                r.cities() == null ? null : r.cities().stream().map(CityRequest::input).toList(), r.cityIds(),
                r.themes(), r.establishedOn(), r.partnerOrganisations(), members(r.members()),
                contacts(r.focalPointContacts())));
        return ResponseEntity.created(URI.create("/api/v1/partnerships/" + created.partnership().aggregate().id()))
                .eTag(ETags.of(created.partnership().version()))
                .body(PartnershipResponse.of(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a partnership; its ETag is the version to send as If-Match when changing it. "
            + "Businesses and anonymous callers see ACTIVE ones only (404 otherwise), and no contacts")
    ResponseEntity<PartnershipResponse> get(@PathVariable UUID id, Caller caller) {
        PartnershipService.View found = partnerships.read(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(found.partnership().version())).body(PartnershipResponse.of(found));
    }

    @GetMapping
    @Operation(summary = "List partnerships, a page at a time in id order (follow next as cursor); every filter given "
            + "is an exact match, all combined. Businesses and anonymous callers see ACTIVE ones only")
    Page<PartnershipResponse> list(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(required = false) @Schema(example = "iurc") String programme,
            @RequestParam(required = false) @Schema(example = "renewable-energy") String theme,
            @RequestParam(required = false) @Schema(example = "climate-energy-water-air") String network,
            @RequestParam(required = false) @Schema(example = "JP") String country,
            @RequestParam(required = false) @Schema(example = "koriyama") String city,
            @RequestParam(required = false) @Schema(example = "ACTIVE") String status,
            @RequestParam(required = false) @Schema(example = "frea") String organisation,
            Caller caller) {
        PageRequest page = PageRequest.of(cursor, limit);
        PartnershipFilter filter = new PartnershipFilter(name,
                programme == null ? null : Require.slug("programme", programme, "iurc"),
                theme == null ? null : Require.slug("theme", theme, "renewable-energy"),
                network == null ? null : Require.slug("network", network, "climate-energy-water-air"),
                country == null ? null : PartnerCity.countryCode("country", country),
                city == null ? null : Require.slug("city", city, "koriyama"),
                status == null ? null : PartnershipStatus.parse("status", status),
                organisation == null ? null : Require.slug("organisation", organisation, "frea"));
        return partnerships.list(caller, filter, page).map(PartnershipResponse::of);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change a partnership (a JSON merge patch; If-Match recommended): names, description, kind, "
            + "programme, networks, cities and themes by operators; members and focalPointContacts by operators and "
            + "staff of member organisations")
    @ApiResponse(responseCode = "200", description = "Changed (or nothing to change); the ETag is the version")
    @ApiResponse(responseCode = "409", description = "The partnership is CONCLUDED, or the change would leave an "
            + "ACTIVE partnership without focal-point contact",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartnershipResponse> change(@PathVariable UUID id, @Valid @RequestBody ChangePartnershipRequest r,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        PartnershipService.View changed = partnerships.change(caller, id, new PartnershipService.Change(r.names(),
                r.description(), r.kind(), r.programmeId(), r.networks(),
                r.cities() == null ? null : r.cities().stream().map(CityRequest::input).toList(), r.cityIds(),
                r.themes(), members(r.members()), contacts(r.focalPointContacts())), ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.partnership().version())).body(PartnershipResponse.of(changed));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move a partnership in its lifecycle (operators; If-Match recommended): PROPOSED -> ACTIVE or "
            + "CONCLUDED; ACTIVE -> SUSPENDED or CONCLUDED; SUSPENDED -> ACTIVE or CONCLUDED")
    @ApiResponse(responseCode = "200", description = "Moved; the new ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Not allowed from the current status: the problem names it "
            + "(currentStatus) and the moves allowed from it (allowedMoves)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartnershipResponse> changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest r,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        PartnershipService.View moved = partnerships.changeStatus(caller, id, r.status(), r.reason(),
                ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(moved.partnership().version())).body(PartnershipResponse.of(moved));
    }

    @PostMapping("/{id}/agreements")
    @Operation(summary = "Record an agreement the partner cities signed (If-Match optional)")
    @ApiResponse(responseCode = "200", description = "Signed; the new ETag is the new version")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "signedAtCityId or a signatory's organisation is unknown",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartnershipResponse> signAgreement(@PathVariable UUID id,
            @Valid @RequestBody SignAgreementRequest r,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        PartnershipService.View signed = partnerships.signAgreement(caller, id, new Partnership.AgreementInput(
                r.title(), r.signedOn(), r.kind(), r.signedAtCityId(),
                r.signatories() == null ? null : r.signatories().stream()
                        .map(s -> new Partnership.SignatoryInput(s.name(), s.title(), s.organisationId())).toList(),
                r.documents() == null ? null : r.documents().stream()
                        .map(d -> new Partnership.DocumentInput(d.title(), d.url(), d.language(), d.mediaType()))
                        .toList()),
                ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(signed.partnership().version())).body(PartnershipResponse.of(signed));
    }

    /** A refused lifecycle move: 409 naming the current status and the moves allowed from it. */
    @ExceptionHandler(StatusMoveRefused.class)
    ResponseEntity<ProblemDetail> statusMoveRefused(StatusMoveRefused e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation", "Not allowed in the current state",
                e.getMessage());
        problem.setProperty("currentStatus", e.current().name());
        problem.setProperty("allowedMoves", e.allowed().stream().map(Enum::name).sorted().toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static List<Partnership.MemberInput> members(List<MemberRequest> members) {
        return members == null ? null : members.stream().map(MemberRequest::input).toList();
    }

    private static List<Partnership.ContactInput> contacts(List<ContactRequest> contacts) {
        return contacts == null ? null : contacts.stream().map(ContactRequest::input).toList();
    }
}
