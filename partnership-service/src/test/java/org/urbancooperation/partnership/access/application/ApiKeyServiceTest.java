package org.urbancooperation.partnership.access.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.partnership.access.application.ApiKeyService.BootstrapOutcome;
import org.urbancooperation.partnership.access.application.ApiKeyService.IssueCommand;
import org.urbancooperation.partnership.access.application.ApiKeyService.IssuedApiKey;
import org.urbancooperation.partnership.access.domain.ApiKey;
import org.urbancooperation.partnership.access.domain.ApiKeyEvent;
import org.urbancooperation.partnership.access.domain.ApiKeyRole;
import org.urbancooperation.partnership.access.domain.ApiKeyStatus;
import org.urbancooperation.partnership.access.domain.PlainApiKey;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;
import org.urbancooperation.support.paging.Cursors;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.AuthenticationRequiredException;
import org.urbancooperation.support.security.Caller;

/** The use cases against an in-memory repository that records every write, in order. */
class ApiKeyServiceTest {

    private static final Caller OPERATOR = Caller.of(CallerIdentity.operator("secretariat", "jwt"));
    private static final Caller ESSEN = Caller.of(CallerIdentity.partner("essen", "city-of-essen", "jwt"));
    private static final Caller HYDROGEN = Caller.of(CallerIdentity.business("hydrogen", "hydrogen-koriyama", "jwt"));
    private static final IssueCommand ESSEN_KEY = new IssueCommand("partner", "city-of-essen", null,
            "City of Essen integration", null);

    private final Recording repository = new Recording();
    private final ApiKeyService service = new ApiKeyService(repository,
            Clock.fixed(Instant.parse("2026-03-02T09:15:00Z"), ZoneOffset.UTC), new SecureRandom());

    @Test
    void onlyOperatorsManageKeys() {
        String keyId = service.issue(OPERATOR, ESSEN_KEY).key().keyId();
        for (Caller other : List.of(ESSEN, HYDROGEN)) {
            assertThatThrownBy(() -> service.issue(other, ESSEN_KEY)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.list(other, null, PageRequest.first(50))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.get(other, keyId)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.rotate(other, keyId)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.revoke(other, keyId)).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> service.revoke(Caller.anonymous(), keyId))
                .isInstanceOf(AuthenticationRequiredException.class);
        assertThat(repository.writes).hasSize(1);
    }

    @Test
    void theRoleIsCheckedBeforeTheRequest() {
        assertThatThrownBy(() -> service.issue(ESSEN, new IssueCommand("admin", null, null, "", null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rotationWritesTheNewKeyFirstThenRevokesTheOld() {
        IssuedApiKey old = service.issue(OPERATOR, ESSEN_KEY);
        repository.writes.clear();

        IssuedApiKey rotated = service.rotate(OPERATOR, old.key().keyId());

        assertThat(rotated.replaced()).isEqualTo(old.key().keyId());
        assertThat(repository.writes).extracting(w -> w.getClass().getSimpleName() + " " + keyOf(w))
                .containsExactly("Issued " + rotated.key().keyId(), "Revoked " + old.key().keyId());
        assertThat(service.get(OPERATOR, old.key().keyId()).aggregate().status()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThatThrownBy(() -> service.rotate(OPERATOR, old.key().keyId())).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void revokingTwiceWritesOnce() {
        String keyId = service.issue(OPERATOR, ESSEN_KEY).key().keyId();
        repository.writes.clear();

        service.revoke(OPERATOR, keyId);
        service.revoke(OPERATOR, keyId);

        assertThat(repository.writes).singleElement().isInstanceOf(ApiKeyEvent.Revoked.class);
        assertThatThrownBy(() -> service.revoke(OPERATOR, "0000000000000000")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(OPERATOR, "../../etc")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theBootstrapKeyIsCreatedOnceAndARevokedOneStaysRevoked() {
        PlainApiKey key = PlainApiKey.generate(new SecureRandom());

        assertThat(service.ensureBootstrapOperatorKey(key)).isEqualTo(BootstrapOutcome.CREATED);
        assertThat(service.ensureBootstrapOperatorKey(key)).isEqualTo(BootstrapOutcome.PRESENT);
        ApiKey stored = service.get(OPERATOR, key.keyId()).aggregate();
        assertThat(stored.role()).isEqualTo(ApiKeyRole.OPERATOR);
        assertThat(stored.secretHash()).isEqualTo(key.secretHash());

        service.revoke(OPERATOR, key.keyId());
        assertThat(service.ensureBootstrapOperatorKey(key)).isEqualTo(BootstrapOutcome.REVOKED);
        assertThat(service.get(OPERATOR, key.keyId()).aggregate().status()).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void aBootstrapKeyWhoseIdIsTakenByAnotherSecretStopsTheStart() {
        PlainApiKey configured = PlainApiKey.generate(new SecureRandom());
        PlainApiKey other = PlainApiKey.parse("key", "ucp_" + configured.keyId() + "_" + "A".repeat(43));
        service.ensureBootstrapOperatorKey(other);

        assertThatThrownBy(() -> service.ensureBootstrapOperatorKey(configured))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(configured.keyId());
    }

    private static String keyOf(ApiKeyEvent event) {
        return event instanceof ApiKeyEvent.Issued i ? i.key().id() : ((ApiKeyEvent.Revoked) event).key().id();
    }

    /** Behaves like the Mongo repository: duplicate ids and stale versions are conflicts. */
    static final class Recording implements ApiKeyRepository {

        final Map<String, Versioned<ApiKey>> keys = new LinkedHashMap<>();
        final List<ApiKeyEvent> writes = new ArrayList<>();

        @Override
        public Optional<Versioned<ApiKey>> find(String keyId) {
            return Optional.ofNullable(keys.get(keyId));
        }

        @Override
        public Versioned<ApiKey> insert(ResultWithEvents<ApiKey, ApiKeyEvent> issued) {
            if (keys.containsKey(issued.aggregate().id())) {
                throw new ConcurrentModificationConflict("exists", false);
            }
            return store(issued, 1);
        }

        @Override
        public Versioned<ApiKey> update(ResultWithEvents<ApiKey, ApiKeyEvent> changed, long readVersion) {
            if (keys.get(changed.aggregate().id()).version() != readVersion) {
                throw new ConcurrentModificationConflict("stale", false);
            }
            return store(changed, readVersion + 1);
        }

        @Override
        public Page<Versioned<ApiKey>> list(String organisationId, PageRequest page) {
            List<Versioned<ApiKey>> after = keys.values().stream()
                    .filter(v -> organisationId == null || organisationId.equals(v.aggregate().organisationId()))
                    .filter(v -> page.isFirst() || v.aggregate().id().compareTo(page.after()) > 0)
                    .sorted(Comparator.comparing(v -> v.aggregate().id())).toList();
            List<Versioned<ApiKey>> items = after.subList(0, Math.min(page.limit(), after.size()));
            return new Page<>(items, after.size() > items.size()
                    ? Cursors.after(items.get(items.size() - 1).aggregate().id()) : null);
        }

        private Versioned<ApiKey> store(ResultWithEvents<ApiKey, ApiKeyEvent> change, long version) {
            Versioned<ApiKey> stored = new Versioned<>(change.aggregate(), version);
            keys.put(change.aggregate().id(), stored);
            writes.addAll(change.events());
            return stored;
        }
    }
}
