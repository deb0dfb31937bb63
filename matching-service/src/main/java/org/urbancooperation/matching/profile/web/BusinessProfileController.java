package org.urbancooperation.matching.profile.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
import org.urbancooperation.matching.profile.application.BusinessProfileService;
import org.urbancooperation.matching.profile.domain.BusinessKind;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.profile.domain.BusinessSize;
import org.urbancooperation.matching.profile.domain.Contact;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;
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
 * Business profiles: a business registers and changes its own, operators any; every caller with an identity reads
 * them, the contacts only the business, operators and a confirmed match partner (for others the field is absent).
 */
@RestController
@RequestMapping(BusinessProfileController.BASE)
@Tag(name = "Business profiles", description = "Companies, start-ups, institutes, hospitals, agencies and clusters "
        + "looking for partners abroad; contacts only for the business itself, operators and confirmed match partners")
class BusinessProfileController {

    static final String BASE = "/api/v1/matching/profiles";

    record ContactBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Contact.MAX_NAME,
                    example = "Demo Contact") String name,
            @Schema(maxLength = Contact.MAX_ROLE, example = "International sales") String role,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Contact.MAX_EMAIL,
                    example = "sales@hydrogen-koriyama.example") String email,
            @Schema(maxLength = Contact.MAX_PHONE, example = "+81 24 0000000",
                    description = "international form: a plus, digits and single spaces") String phone) {

        BusinessProfile.ContactInput input() {
            return new BusinessProfile.ContactInput(name, role, email, phone);
        }

        static ContactBody of(Contact c) {
            return new ContactBody(c.name(), c.role(), c.email(), c.phone());
        }
    }

    /** The whole profile, replacing the stored one (PUT, the id from the path). */
    record ProfileBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Koriyama Hydrogen Works (demo profile)\", \"ja\": \"郡山水素工業（デモ）\"}",
                    description = "names by BCP 47 language tag; en required") Map<String, String> names,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "COMPANY") BusinessKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "JP",
                    description = "ISO 3166-1 alpha-2 country code") String country,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Koriyama",
                    maxLength = BusinessProfile.MAX_CITY) String city,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"RENEWABLE_ENERGY\"]",
                    description = "at least one, each once") List<Sector> sectors,
            @Schema(example = "[\"HYDROGEN\", \"STORAGE\"]", description = "each within one of sectors, each once")
            List<Subsector> subsectors,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "SMALL") BusinessSize size,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"ja\", \"en\"]",
                    description = "ISO 639-1 codes of the languages it works in, 1 to 10") List<String> languages,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Asia/Tokyo",
                    description = "IANA time zone") String timeZone,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Demo profile: hydrogen production and storage for municipal energy systems.\"}",
                    description = "descriptions by BCP 47 language tag, en required, line breaks allowed")
            Map<String, String> description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 10 people to contact; shown only "
                    + "to the business itself, operators and confirmed match partners") List<ContactBody> contacts) {

        BusinessProfile.Input input() {
            return new BusinessProfile.Input(names, kind, country, city, sectors, subsectors, size, languages, timeZone,
                    description, contacts == null ? null
                            : contacts.stream().map(c -> c == null ? null : c.input()).toList());
        }
    }

    /** A new profile: its id and the whole profile. */
    record RegisterProfileRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "hydrogen-koriyama",
                    description = "the business's id (a business registers under its own id only): a lower-case "
                            + "slug of at most 64 characters") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Koriyama Hydrogen Works (demo profile)\", \"ja\": \"郡山水素工業（デモ）\"}",
                    description = "names by BCP 47 language tag; en required") Map<String, String> names,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "COMPANY") BusinessKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "JP",
                    description = "ISO 3166-1 alpha-2 country code") String country,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Koriyama",
                    maxLength = BusinessProfile.MAX_CITY) String city,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"RENEWABLE_ENERGY\"]",
                    description = "at least one, each once") List<Sector> sectors,
            @Schema(example = "[\"HYDROGEN\", \"STORAGE\"]", description = "each within one of sectors, each once")
            List<Subsector> subsectors,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "SMALL") BusinessSize size,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"ja\", \"en\"]",
                    description = "ISO 639-1 codes of the languages it works in, 1 to 10") List<String> languages,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Asia/Tokyo",
                    description = "IANA time zone") String timeZone,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Demo profile: hydrogen production and storage for municipal energy systems.\"}",
                    description = "descriptions by BCP 47 language tag, en required, line breaks allowed")
            Map<String, String> description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 10 people to contact; shown only "
                    + "to the business itself, operators and confirmed match partners") List<ContactBody> contacts) {

        BusinessProfile.Input input() {
            return new BusinessProfile.Input(names, kind, country, city, sectors, subsectors, size, languages, timeZone,
                    description, contacts == null ? null
                            : contacts.stream().map(c -> c == null ? null : c.input()).toList());
        }
    }

    record ProfileResponse(String id, Map<String, String> names, BusinessKind kind, String country, String city,
            List<Sector> sectors, List<Subsector> subsectors, BusinessSize size, List<String> languages,
            String timeZone, Map<String, String> description,
            @Schema(description = "only for the business itself, operators and confirmed match partners; absent for "
                    + "everybody else")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ContactBody> contacts,
            long version) {

        static ProfileResponse of(BusinessProfileService.Shown shown) {
            BusinessProfile p = shown.profile().aggregate();
            return new ProfileResponse(p.id(), p.names().values(), p.kind(), p.country(), p.city(), p.sectors(),
                    p.subsectors(), p.size(), p.languages(), p.timeZone().getId(), p.description().values(),
                    shown.withContacts() ? p.contacts().stream().map(ContactBody::of).toList() : null,
                    shown.profile().version());
        }
    }

    private final BusinessProfileService profiles;

    BusinessProfileController(BusinessProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a business profile (contacts as described); its ETag is its version")
    ResponseEntity<ProfileResponse> get(Caller caller, @PathVariable String id) {
        BusinessProfileService.Shown found = profiles.get(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(found.profile().version())).body(ProfileResponse.of(found));
    }

    @GetMapping
    @Operation(summary = "List business profiles by id (contacts as described), a page at a time: follow next as "
            + "the cursor until it is null")
    @ApiResponse(responseCode = "200", description = "A page of profiles; next is the cursor of the following page")
    @ApiResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid; the problem names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Page<ProfileResponse> list(Caller caller,
            @Parameter(description = "only profiles in this sector", example = "RENEWABLE_ENERGY")
            @RequestParam(required = false) String sector,
            @Parameter(description = "only profiles in this subsector", example = "HYDROGEN")
            @RequestParam(required = false) String subsector,
            @Parameter(description = "only profiles in this country (ISO 3166-1 alpha-2)", example = "JP")
            @RequestParam(required = false) String country,
            @Parameter(description = "the next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (default 50)")
            @RequestParam(required = false) Integer limit) {
        return profiles.list(caller, sector, subsector, country, PageRequest.of(cursor, limit)).map(ProfileResponse::of);
    }

    @PostMapping
    @Operation(summary = "Register a business profile (a business its own, under its own id; operators any)")
    @ApiResponse(responseCode = "201", description = "Registered; Location and ETag name it")
    @ApiResponse(responseCode = "403", description = "A business registering a profile under another id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "A profile with this id exists already",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProfileResponse> register(Caller caller, @RequestBody RegisterProfileRequest request) {
        BusinessProfileService.Shown created = profiles.register(caller, request.id(), request.input());
        return ResponseEntity.created(URI.create(BASE + "/" + created.profile().aggregate().id()))
                .eTag(ETags.of(created.profile().version())).body(ProfileResponse.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a business profile (the business itself, operators); If-Match with its ETag guards "
            + "against overwriting a change made meanwhile")
    @ApiResponse(responseCode = "200", description = "Replaced (or nothing to change); the ETag is the new version")
    @ApiResponse(responseCode = "404", description = "No such profile, or another business's",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProfileResponse> replace(Caller caller, @PathVariable String id, @RequestBody ProfileBody request,
            @Parameter(description = "the ETag read, e.g. \"3\"") @RequestHeader(name = "If-Match", required = false)
            String ifMatch) {
        BusinessProfileService.Shown changed = profiles.revise(caller, id, request.input(), ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.profile().version())).body(ProfileResponse.of(changed));
    }
}
