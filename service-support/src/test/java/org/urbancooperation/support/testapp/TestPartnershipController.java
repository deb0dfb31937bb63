package org.urbancooperation.support.testapp;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.contracts.partnership.AgreementSigned;
import org.urbancooperation.contracts.partnership.PartnershipEstablished;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.RuleViolationException;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.web.ETags;

import com.mongodb.client.model.Filters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/test-partnerships")
class TestPartnershipController {

    record City(@NotBlank String name, @NotNull @Pattern(regexp = "[A-Z]{2}") String countryCode,
            @NotBlank String timeZone) {
    }

    enum Kind { TWINNING, PROJECT }

    record CreatePartnership(@NotBlank @Size(max = 50) String name, @NotNull @Size(min = 2) List<@Valid City> cities,
            @NotNull LocalDate establishedOn, Kind kind, Integer meetingsPerYear, Instant reviewAt, Boolean active,
            UUID programmeId, List<String> themes) {
    }

    record SignAgreement(@NotBlank String title, @NotNull LocalDate signedOn) {
    }

    record TestPartnership(UUID id, String name, int agreements) {
    }

    /** Every test partnership belongs to Essen's and Koriyama's city administrations. */
    static final List<String> PARTNER_ORGANISATIONS = List.of("city-of-essen", "city-of-koriyama");

    private final AggregateStore<TestPartnership> store;

    TestPartnershipController(AggregateStores stores) {
        this.store = stores.create("test_partnerships", "Partnership", new AggregateDocumentMapper<>() {
            @Override
            public String id(TestPartnership p) {
                return p.id().toString();
            }

            @Override
            public Document toDocument(TestPartnership p) {
                return new Document("name", p.name()).append("agreements", p.agreements());
            }

            @Override
            public TestPartnership fromDocument(Document d) {
                return new TestPartnership(UUID.fromString(d.getString("_id")), d.getString("name"),
                        d.getInteger("agreements"));
            }
        });
    }

    @PostMapping
    ResponseEntity<TestPartnership> create(@Valid @RequestBody CreatePartnership request) {
        UUID id = UUID.randomUUID();
        TestPartnership partnership = new TestPartnership(id, request.name(), 0);
        store.insert(partnership, List.of(new PartnershipEstablished(id, request.name(),
                request.cities().stream().map(c -> new PartnershipEstablished.City(c.name(), c.countryCode(), c.timeZone()))
                        .toList(), List.of(), request.establishedOn())));
        return ResponseEntity.created(URI.create("/api/v1/test-partnerships/" + id)).eTag(ETags.of(1)).body(partnership);
    }

    /**
     * Filters by {@code name} only; the other filters are only read: what matters for them is how they are read.
     * One page of the shared cursor pagination.
     */
    @GetMapping
    Page<TestPartnership> list(@RequestParam(required = false) String name,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Kind kind, @RequestParam(required = false) UUID programmeId,
            @RequestParam(required = false) Boolean active, @RequestParam(required = false) Long minMeetings) {
        PageRequest page = PageRequest.of(cursor, limit);
        return store.page(name == null ? new Document() : Filters.eq("name", name), page).map(Versioned::aggregate);
    }

    @GetMapping("/{id}")
    ResponseEntity<TestPartnership> get(@PathVariable UUID id) {
        Versioned<TestPartnership> found = store.get(id.toString());
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found.aggregate());
    }

    @PostMapping("/{id}/agreements")
    ResponseEntity<TestPartnership> sign(@PathVariable UUID id, @Valid @RequestBody SignAgreement request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        Access.requireOperatorOrMemberOf(caller, PARTNER_ORGANISATIONS, "Partnership " + id);
        ExpectedVersion expected = ETags.expected(ifMatch);
        Versioned<TestPartnership> current = store.get(id.toString());
        expected.check("Partnership " + id, current.version());
        TestPartnership changed = new TestPartnership(id, current.aggregate().name(), current.aggregate().agreements() + 1);
        Versioned<TestPartnership> saved = store.update(changed, current.version(), expected,
                List.of(new AgreementSigned(id, UUID.randomUUID(), request.title(), request.signedOn())));
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved.aggregate());
    }

    /** A business-owned thing: only its business (and operators) may even learn that it exists. */
    @GetMapping("/{id}/matches/{ownerBusinessId}")
    String match(@PathVariable UUID id, @PathVariable String ownerBusinessId, Caller caller) {
        Access.requireOperatorOrOwner(caller, ownerBusinessId, "Match", id);
        return "{\"owner\": \"" + ownerBusinessId + "\"}";
    }

    @PostMapping("/{id}/close")
    void close(@PathVariable UUID id) {
        throw new RuleViolationException("Partnership " + id + " has open actions");
    }

    @PostMapping("/{id}/rename")
    void rename(@PathVariable UUID id) {
        throw new InvalidValueException("name", "name must not contain control characters");
    }

    @GetMapping("/{id}/boom")
    void boom(@PathVariable UUID id) {
        throw new IllegalStateException("secret internal detail at com.example.Internal");
    }
}
