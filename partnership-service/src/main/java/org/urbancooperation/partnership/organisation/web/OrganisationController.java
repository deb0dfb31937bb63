package org.urbancooperation.partnership.organisation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.partnership.organisation.application.OrganisationService;
import org.urbancooperation.partnership.organisation.domain.Contact;
import org.urbancooperation.partnership.organisation.domain.Organisation;
import org.urbancooperation.partnership.organisation.domain.OrganisationChanges;
import org.urbancooperation.partnership.organisation.domain.OrganisationKind;
import org.urbancooperation.support.domain.Patched;
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
 * Organisations (stakeholders) as their own resource. Operators register and change them; anybody reads them, and
 * the contacts only operators and staff of the organisation or of its partners (for others the field is absent).
 */
@RestController
@RequestMapping(OrganisationController.BASE)
@Tag(name = "Organisations", description = "Organisations taking part in partnerships: city governments, agencies, "
        + "institutes, companies, hospitals, schools (operators register and change them; anybody reads them; "
        + "contacts only operators and staff of the organisation and its partners)")
class OrganisationController {

    static final String BASE = "/api/v1/organisations";

    record ContactBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Contact.MAX_NAME,
                    example = "Yohei Watanabe") String name,
            @Schema(maxLength = Contact.MAX_ROLE, example = "Chief, Business Creation Division") String role,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Contact.MAX_EMAIL,
                    example = "focal-point@example.org") String email) {

        Contact.Input input() {
            return new Contact.Input(name, role, email);
        }

        static ContactBody of(Contact c) {
            return new ContactBody(c.name(), c.role(), c.email());
        }
    }

    record RegisterOrganisationRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "frea",
                    description = "the organisation's id, chosen by the operator: a lower-case slug of at most 64 "
                            + "characters, what partnerships and API keys name") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"en\": \"Fukushima Renewable Energy Institute, AIST (FREA)\"}",
                    description = "names by BCP 47 language tag; en required") Map<String, String> names,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "RESEARCH_INSTITUTE") OrganisationKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "koriyama",
                    description = "the id of a registered city") String homeCityId,
            @Schema(example = "[\"renewable-energy\"]", description = "theme slugs, at most 20") List<String> themes,
            @Schema(description = "an absolute http or https URL", maxLength = Organisation.MAX_WEBSITE) String website,
            @Schema(description = "people to contact, at most 20; shown only to operators and staff of the "
                    + "organisation and of organisations sharing a partnership with it") List<ContactBody> contacts) {
    }

    /** A JSON merge patch (RFC 7396); a setter is called for each field in the body, also for null. */
    @Schema(name = "OrganisationPatch", description = "JSON merge patch (RFC 7396): a field absent is kept, a field "
            + "with a value is set, a field null is removed. names merges by language ({\"names\": {\"de\": null}} "
            + "removes the German name; en cannot be removed); themes and contacts replace the whole list (null: "
            + "none); website null removes it; names, kind and homeCityId cannot be null. The id cannot be changed.")
    static final class OrganisationPatchRequest {
        private Patched<Map<String, String>> names = Patched.keep();
        private Patched<OrganisationKind> kind = Patched.keep();
        private Patched<String> homeCityId = Patched.keep();
        private Patched<List<String>> themes = Patched.keep();
        private Patched<String> website = Patched.keep();
        private Patched<List<ContactBody>> contacts = Patched.keep();

        @Schema(example = "{\"de\": \"Essener Wirtschaftsförderungsgesellschaft (EWG)\"}",
                description = "languages to set (a text) or remove (null)")
        public Map<String, String> getNames() {
            return names.value();
        }

        public void setNames(Map<String, String> value) {
            names = Patched.to(value);
        }

        public OrganisationKind getKind() {
            return kind.value();
        }

        public void setKind(OrganisationKind value) {
            kind = Patched.to(value);
        }

        @Schema(example = "essen")
        public String getHomeCityId() {
            return homeCityId.value();
        }

        public void setHomeCityId(String value) {
            homeCityId = Patched.to(value);
        }

        public List<String> getThemes() {
            return themes.value();
        }

        public void setThemes(List<String> value) {
            themes = Patched.to(value);
        }

        public String getWebsite() {
            return website.value();
        }

        public void setWebsite(String value) {
            website = Patched.to(value);
        }

        public List<ContactBody> getContacts() {
            return contacts.value();
        }

        public void setContacts(List<ContactBody> value) {
            contacts = Patched.to(value);
        }

        OrganisationChanges changes() {
            Patched<List<Contact.Input>> contactInputs = !contacts.given() ? Patched.keep()
                    : Patched.to(contacts.value() == null ? null
                            : contacts.value().stream().map(c -> c == null ? null : c.input()).toList());
            return new OrganisationChanges(names, kind, homeCityId, themes, website, contactInputs);
        }
    }

    record OrganisationResponse(String id, Map<String, String> names, OrganisationKind kind, String homeCityId,
            List<String> themes, String website,
            @Schema(description = "only for operators and staff of this organisation or of an organisation that "
                    + "shares a partnership with it; absent for everybody else")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ContactBody> contacts,
            long version) {

        static OrganisationResponse of(OrganisationService.Shown shown) {
            Organisation o = shown.organisation().aggregate();
            return new OrganisationResponse(o.id(), o.names().values(), o.kind(), o.homeCityId(), o.themes(),
                    o.website(), shown.withContacts() ? o.contacts().stream().map(ContactBody::of).toList() : null,
                    shown.organisation().version());
        }
    }

    private final OrganisationService organisations;

    OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @PostMapping
    @Operation(summary = "Register an organisation under an id of the operator's choice (operators)")
    @ApiResponse(responseCode = "201", description = "Registered; Location and ETag name it")
    @ApiResponse(responseCode = "409", description = "An organisation with this id exists already",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "homeCityId names no registered city",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OrganisationResponse> register(Caller caller, @RequestBody RegisterOrganisationRequest request) {
        OrganisationService.Shown created = organisations.register(caller, new OrganisationService.Registration(
                request.id(), request.names(), request.kind(), request.homeCityId(), request.themes(),
                request.website(), request.contacts() == null ? null
                        : request.contacts().stream().map(c -> c == null ? null : c.input()).toList()));
        return ResponseEntity.created(URI.create(BASE + "/" + created.organisation().aggregate().id()))
                .eTag(ETags.of(created.organisation().version())).body(OrganisationResponse.of(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an organisation (anybody; contacts as described); its ETag is its version")
    ResponseEntity<OrganisationResponse> get(Caller caller, @PathVariable String id) {
        OrganisationService.Shown found = organisations.get(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(found.organisation().version())).body(OrganisationResponse.of(found));
    }

    @GetMapping
    @Operation(summary = "List organisations by id (anybody; contacts as described), a page at a time: follow next "
            + "as the cursor until it is null")
    Page<OrganisationResponse> list(Caller caller,
            @Parameter(description = "only organisations of this kind", example = "RESEARCH_INSTITUTE")
            @RequestParam(required = false) String kind,
            @Parameter(description = "only organisations whose home city is this city id", example = "koriyama")
            @RequestParam(required = false) String city,
            @Parameter(description = "only organisations working on this theme", example = "renewable-energy")
            @RequestParam(required = false) String theme,
            @Parameter(description = "the next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (default 50)")
            @RequestParam(required = false) Integer limit) {
        return organisations.list(caller, kind, city, theme, PageRequest.of(cursor, limit))
                .map(OrganisationResponse::of);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change an organisation, contacts included, with a JSON merge patch (operators); If-Match "
            + "with its ETag guards against overwriting a change made meanwhile")
    @ApiResponse(responseCode = "200", description = "Changed (or nothing to change); the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Changed by someone else during this request; read it again",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "homeCityId names no registered city",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OrganisationResponse> change(Caller caller, @PathVariable String id,
            @RequestBody OrganisationPatchRequest request,
            @Parameter(description = "the ETag read, e.g. \"3\"") @RequestHeader(name = "If-Match", required = false)
            String ifMatch) {
        OrganisationService.Shown changed = organisations.change(caller, id, request.changes(), ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.organisation().version()))
                .body(OrganisationResponse.of(changed));
    }
}
