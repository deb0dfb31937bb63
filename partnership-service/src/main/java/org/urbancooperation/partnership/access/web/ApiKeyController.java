package org.urbancooperation.partnership.access.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.partnership.access.application.ApiKeyService;
import org.urbancooperation.partnership.access.domain.ApiKey;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The programme secretariat's API keys for partner organisations, businesses and itself. Operators
 * only: the service checks the role first, before it looks at the request, so other callers learn
 * nothing from it (403; 401 without an identity). The request is checked by the domain, which names
 * the offending field.
 */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Keys with which partner organisations, businesses and operators call the API (operators only)")
@Validated
class ApiKeyController {

    private static final String BASE = "/api/v1/api-keys";

    /** Only what an operator chooses: key id, secret and status are not fields, so they cannot be set. */
    record IssueApiKeyRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"operator", "partner", "business"},
                    example = "partner")
            String role,
            @Schema(description = "partner keys only: the organisation's slug", example = "city-of-essen")
            String organisationId,
            // No example: an example request is a partner key, which has no businessId.
            @Schema(description = "business keys only: the company's slug, e.g. hydrogen-koriyama")
            String businessId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ApiKey.MAX_LABEL,
                    example = "City of Essen integration")
            String label,
            @Schema(description = "when the key stops working, within the years 1900 to 2200; none when absent",
                    example = "2027-12-31T23:59:59Z") Instant expiresAt) {
    }

    record ApiKeyResponse(String keyId, String role, String organisationId, String businessId, String label,
            String status, Instant issuedAt, Instant expiresAt, Instant revokedAt, long version) {

        static ApiKeyResponse of(Versioned<ApiKey> v) {
            ApiKey k = v.aggregate();
            return new ApiKeyResponse(k.id(), k.role().wireName(), k.organisationId(), k.businessId(), k.label(),
                    k.status().name(), k.issuedAt(), k.expiresAt(), k.revokedAt(), v.version());
        }
    }

    record IssuedApiKeyResponse(String keyId,
            @Schema(description = "the key, ucp_<keyId>_<secret>: shown this once, never again") String key,
            String role, String organisationId, String businessId, String label, String status, Instant issuedAt,
            Instant expiresAt, @Schema(description = "the key a rotation revoked") String replacesKeyId) {

        static IssuedApiKeyResponse of(ApiKeyService.IssuedApiKey issued) {
            ApiKey k = issued.stored().aggregate();
            return new IssuedApiKeyResponse(k.id(), issued.key().reveal(), k.role().wireName(), k.organisationId(),
                    k.businessId(), k.label(), k.status().name(), k.issuedAt(), k.expiresAt(), issued.replaced());
        }
    }

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @Operation(summary = "Issue an API key; the response is the only time the key is shown")
    @ApiResponse(responseCode = "201", description = "Issued; Location names it, the body holds the key")
    @ApiResponse(responseCode = "400", description = "A field is invalid; the problem's errors name it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<IssuedApiKeyResponse> issue(Caller caller, @RequestBody IssueApiKeyRequest request) {
        ApiKeyService.IssuedApiKey issued = keys.issue(caller, new ApiKeyService.IssueCommand(request.role(),
                request.organisationId(), request.businessId(), request.label(), request.expiresAt()));
        return created(issued);
    }

    /** One page of API keys: the platform's one list shape. */
    record ApiKeyPage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ApiKeyResponse> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "null"},
                    description = "the cursor of the next page, for the cursor parameter; null on the last page")
            String next) {

        static ApiKeyPage of(Page<Versioned<ApiKey>> page) {
            return new ApiKeyPage(page.items().stream().map(ApiKeyResponse::of).toList(), page.next());
        }
    }

    @GetMapping
    @Operation(summary = "List API keys, one page at a time, optionally of one organisation; no key or hash is "
            + "ever listed",
            description = "In key id order, which no change moves: follow next as cursor until it is null, and every "
                    + "key that existed when you started is on exactly one page, whatever is issued, rotated or "
                    + "revoked meanwhile.")
    @ApiResponse(responseCode = "200", description = "One page; next is the cursor of the following one, null on the last")
    @ApiResponse(responseCode = "400", description = "cursor (not a next value of this list, unchanged) or limit "
            + "(1 to 200) is invalid; the problem's errors name it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ApiKeyPage list(Caller caller, @RequestParam(required = false) @Size(max = 100) String organisationId,
            @Parameter(description = "next of the previous page; absent for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "at most this many keys (1 to 200, default 50)")
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        return ApiKeyPage.of(keys.list(caller, organisationId, PageRequest.of(cursor, limit)));
    }

    @GetMapping("/{keyId}")
    @Operation(summary = "Read an API key (without the key or its hash)")
    ApiKeyResponse get(Caller caller, @PathVariable String keyId) {
        return ApiKeyResponse.of(keys.get(caller, keyId));
    }

    @PostMapping("/{keyId}/rotate")
    @Operation(summary = "Issue a new key with the same role, organisation and label, and revoke this one")
    @ApiResponse(responseCode = "201", description = "The new key, shown this once; Location names it")
    @ApiResponse(responseCode = "409", description = "The key is revoked already: issue a new one instead",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<IssuedApiKeyResponse> rotate(Caller caller, @PathVariable String keyId) {
        return created(keys.rotate(caller, keyId));
    }

    @DeleteMapping("/{keyId}")
    @Operation(summary = "Revoke an API key; revoking a revoked key is fine too")
    @ApiResponse(responseCode = "204", description = "Revoked (now or before)")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable String keyId) {
        keys.revoke(caller, keyId);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<IssuedApiKeyResponse> created(ApiKeyService.IssuedApiKey issued) {
        // The body holds a secret: no cache along the way may keep it.
        return ResponseEntity.created(URI.create(BASE + "/" + issued.stored().aggregate().id()))
                .cacheControl(CacheControl.noStore())
                .body(IssuedApiKeyResponse.of(issued));
    }
}
