package org.urbancooperation.partnership.city.web;

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
import org.urbancooperation.partnership.city.application.CityService;
import org.urbancooperation.partnership.city.domain.City;
import org.urbancooperation.partnership.city.domain.CityChanges;
import org.urbancooperation.partnership.city.domain.ClimateCommitment;
import org.urbancooperation.partnership.city.domain.ClimateCommitmentKind;
import org.urbancooperation.support.domain.Patched;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Cities as their own resource. Operators register and change them; anybody reads them. Requests are checked for
 * shape only; the domain checks the values and names the field ({@code names.ja}, {@code climateCommitments[0].madeIn}).
 */
@RestController
@RequestMapping(CityController.BASE)
@Tag(name = "Cities", description = "Cities taking part in partnerships: names in several languages, country, region, "
        + "time zone and climate commitments (operators register and change them; anybody reads them)")
class CityController {

    static final String BASE = "/api/v1/cities";

    private static final String NAMES_EXAMPLE = "{\"en\": \"Koriyama\", \"ja\": \"郡山市\"}";

    record ClimateCommitmentBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "NET_ZERO_TARGET",
                    description = "EU_CITIES_MISSION: the EU Mission for 100 climate-neutral and smart cities by 2030; "
                            + "DECARBONIZATION_LEADING_AREA: one of Japan's Decarbonization Leading Areas; "
                            + "NET_ZERO_TARGET: a net-zero target of the city's own; OTHER")
            ClimateCommitmentKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2022", minimum = "1900", maximum = "2200",
                    description = "the year it was made (or the city selected)") Integer madeIn,
            @Schema(example = "2050", minimum = "1900", maximum = "2200",
                    description = "the year it aims at, not before madeIn; none when absent") Integer targetYear,
            @Schema(description = "what it is, by BCP 47 language tag (English optional here)")
            Map<String, String> description) {

        ClimateCommitment.Input input() {
            return new ClimateCommitment.Input(kind, madeIn, targetYear, description);
        }

        static ClimateCommitmentBody of(ClimateCommitment c) {
            return new ClimateCommitmentBody(c.kind(), c.madeIn(), c.targetYear(),
                    c.description() == null ? null : c.description().values());
        }
    }

    record RegisterCityRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "koriyama",
                    description = "the city's id, chosen by the operator: a lower-case slug of at most 64 characters")
            String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = NAMES_EXAMPLE,
                    description = "names by BCP 47 language tag; en required, de and ja where they differ")
            Map<String, String> names,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "JP", description = "ISO 3166-1 alpha-2")
            String countryCode,
            @Schema(example = "Fukushima Prefecture", maxLength = City.MAX_REGION,
                    description = "prefecture, state or province") String region,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Asia/Tokyo",
                    description = "IANA time zone by region name; no fixed offsets") String timeZone,
            @Schema(description = "at most 20; no kind twice with the same madeIn")
            List<ClimateCommitmentBody> climateCommitments) {
    }

    /**
     * A JSON merge patch (RFC 7396) of the changeable fields: Jackson calls a setter for each field in the body,
     * also for a null, and none for an absent field, which is what tells "remove" from "keep".
     */
    @Schema(name = "CityPatch", description = "JSON merge patch (RFC 7396): a field absent is kept, a field with a "
            + "value is set, a field null is removed. names merges by language ({\"names\": {\"de\": null}} removes "
            + "the German name; en cannot be removed); climateCommitments replaces the whole list (null: none); region "
            + "null removes it; names, countryCode and timeZone cannot be null. The id cannot be changed.")
    static final class CityPatchRequest {
        private Patched<Map<String, String>> names = Patched.keep();
        private Patched<String> countryCode = Patched.keep();
        private Patched<String> region = Patched.keep();
        private Patched<String> timeZone = Patched.keep();
        private Patched<List<ClimateCommitmentBody>> climateCommitments = Patched.keep();

        @Schema(example = "{\"de\": \"Koriyama\"}", description = "languages to set (a text) or remove (null)")
        public Map<String, String> getNames() {
            return names.value();
        }

        public void setNames(Map<String, String> value) {
            names = Patched.to(value);
        }

        @Schema(example = "JP")
        public String getCountryCode() {
            return countryCode.value();
        }

        public void setCountryCode(String value) {
            countryCode = Patched.to(value);
        }

        @Schema(example = "Fukushima Prefecture")
        public String getRegion() {
            return region.value();
        }

        public void setRegion(String value) {
            region = Patched.to(value);
        }

        @Schema(example = "Asia/Tokyo")
        public String getTimeZone() {
            return timeZone.value();
        }

        public void setTimeZone(String value) {
            timeZone = Patched.to(value);
        }

        public List<ClimateCommitmentBody> getClimateCommitments() {
            return climateCommitments.value();
        }

        public void setClimateCommitments(List<ClimateCommitmentBody> value) {
            climateCommitments = Patched.to(value);
        }

        CityChanges changes() {
            Patched<List<ClimateCommitment.Input>> commitments = !climateCommitments.given() ? Patched.keep()
                    : Patched.to(climateCommitments.value() == null ? null
                            : climateCommitments.value().stream()
                                    .map(c -> c == null ? null : c.input()).toList());
            return new CityChanges(names, countryCode, region, timeZone, commitments);
        }
    }

    record CityResponse(String id, Map<String, String> names, String countryCode, String region, String timeZone,
            List<ClimateCommitmentBody> climateCommitments, long version) {

        static CityResponse of(Versioned<City> v) {
            City c = v.aggregate();
            return new CityResponse(c.id(), c.names().values(), c.countryCode(), c.region(), c.timeZone().getId(),
                    c.climateCommitments().stream().map(ClimateCommitmentBody::of).toList(), v.version());
        }
    }

    private final CityService cities;

    CityController(CityService cities) {
        this.cities = cities;
    }

    @PostMapping
    @Operation(summary = "Register a city under an id of the operator's choice (operators)")
    @ApiResponse(responseCode = "201", description = "Registered; Location and ETag name it")
    @ApiResponse(responseCode = "409", description = "A city with this id exists already",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CityResponse> register(Caller caller, @RequestBody RegisterCityRequest request) {
        Versioned<City> created = cities.register(caller, new CityService.Registration(request.id(), request.names(),
                request.countryCode(), request.region(), request.timeZone(),
                request.climateCommitments() == null ? null : request.climateCommitments().stream()
                        .map(c -> c == null ? null : c.input()).toList()));
        return ResponseEntity.created(URI.create(BASE + "/" + created.aggregate().id()))
                .eTag(ETags.of(created.version())).body(CityResponse.of(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a city (anybody); its ETag is the version to send as If-Match when changing it")
    ResponseEntity<CityResponse> get(@PathVariable String id) {
        Versioned<City> found = cities.get(id);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(CityResponse.of(found));
    }

    @GetMapping
    @Operation(summary = "List cities by id (anybody), a page at a time: follow next as the cursor until it is null")
    Page<CityResponse> list(
            @Parameter(description = "only cities of this ISO 3166-1 alpha-2 country", example = "JP")
            @RequestParam(required = false) String country,
            @Parameter(description = "only cities with a climate commitment of this kind", example = "EU_CITIES_MISSION")
            @RequestParam(required = false) String commitment,
            @Parameter(description = "the next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (default 50)")
            @RequestParam(required = false) Integer limit) {
        return cities.list(country, commitment, PageRequest.of(cursor, limit)).map(CityResponse::of);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a city with a JSON merge patch (operators); If-Match with its ETag guards against "
            + "overwriting a change made meanwhile")
    @ApiResponse(responseCode = "200", description = "Changed (or nothing to change); the ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Changed by someone else during this request; read it again",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the current one",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CityResponse> change(Caller caller, @PathVariable String id,
            @RequestBody CityPatchRequest request,
            @Parameter(description = "the ETag read, e.g. \"3\"") @RequestHeader(name = "If-Match", required = false)
            String ifMatch) {
        Versioned<City> changed = cities.change(caller, id, request.changes(), ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(CityResponse.of(changed));
    }
}
