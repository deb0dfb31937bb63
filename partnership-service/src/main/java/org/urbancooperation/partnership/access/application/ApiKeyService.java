package org.urbancooperation.partnership.access.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.partnership.access.domain.ApiKey;
import org.urbancooperation.partnership.access.domain.ApiKeyEvent;
import org.urbancooperation.partnership.access.domain.ApiKeyRole;
import org.urbancooperation.partnership.access.domain.PlainApiKey;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/**
 * The API key use cases of the programme secretariat: issue, list, read, rotate and revoke. Every one
 * is for operators only; the gateway learns each change from the events, never from a call.
 */
public class ApiKeyService {

    /** What an operator asks for; the key id, secret and status are never the caller's to choose. */
    public record IssueCommand(String role, String organisationId, String businessId, String label, Instant expiresAt) {
    }

    /**
     * A key just stored, with the key in the clear: the only moment anybody sees it.
     *
     * @param replaced the key id a rotation revoked; null for a new key
     */
    public record IssuedApiKey(Versioned<ApiKey> stored, PlainApiKey key, String replaced) {
    }

    public enum BootstrapOutcome {
        /** The key was stored now (and its ApiKeyIssued written to the outbox). */
        CREATED,
        /** It was there already, active. */
        PRESENT,
        /** It was there, revoked: it stays revoked. */
        REVOKED
    }

    static final String BOOTSTRAP_LABEL = "Bootstrap operator key";
    private static final int ATTEMPTS = 3;

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final SecureRandom random;

    public ApiKeyService(ApiKeyRepository keys, Clock clock, SecureRandom random) {
        this.keys = keys;
        this.clock = clock;
        this.random = random;
    }

    public IssuedApiKey issue(Caller caller, IssueCommand command) {
        Access.requireRole(caller, Role.OPERATOR);
        ApiKeyRole role = ApiKeyRole.fromWireName("role", command.role());
        Instant now = clock.instant();
        return insertNew(key -> ApiKey.issue(key, role, command.organisationId(), command.businessId(),
                command.label(), now, command.expiresAt()), null);
    }

    public Page<Versioned<ApiKey>> list(Caller caller, String organisationId, PageRequest page) {
        Access.requireRole(caller, Role.OPERATOR);
        return keys.list(organisationId, page);
    }

    public Versioned<ApiKey> get(Caller caller, String keyId) {
        Access.requireRole(caller, Role.OPERATOR);
        return load(keyId);
    }

    /**
     * Issues a new key with the old one's role, organisation or business and label, then revokes the
     * old one: two aggregates, two writes, in this order on purpose. Should the second write never
     * happen (crash, lost connection), both keys are active for a while: the partner's integration
     * keeps working, and the operator simply rotates or revokes again. The other order could leave
     * the old key revoked without a successor whose secret anybody was ever shown, locking the
     * partner out. A new key nobody knows the secret of is harmless: it can only be guessed, and
     * 256 random bits are not.
     * <p>
     * The events leave in the same order: every outbox entry carries its place in the order of this service's
     * writes (service-support's {@code OutboxEntries.SEQUENCE}), and the relay sends in that order, so
     * ApiKeyIssued of the new key goes ahead of ApiKeyRevoked of the old one wherever the two can be ordered at
     * all: on one partition, once the old key's own issue is out. (The two keys are different record keys, so on
     * several partitions their events are unordered; the gateway treats each key on its own and relies on no
     * order between keys.)
     */
    public IssuedApiKey rotate(Caller caller, String keyId) {
        Access.requireRole(caller, Role.OPERATOR);
        Versioned<ApiKey> old = load(keyId);
        Instant now = clock.instant();
        IssuedApiKey successor = insertNew(key -> old.aggregate().successor(key, now), keyId);
        revokeWithRetry(keyId, old);
        return successor;
    }

    /** Revokes a key; a revoked key stays as it is (the call is idempotent). */
    public Versioned<ApiKey> revoke(Caller caller, String keyId) {
        Access.requireRole(caller, Role.OPERATOR);
        return revokeWithRetry(keyId, load(keyId));
    }

    /**
     * Makes sure the operator key the deployment configured exists, for a stack's very first call.
     * Not a caller's action: run once at startup.
     *
     * @throws IllegalStateException when a different key has this key id
     */
    public BootstrapOutcome ensureBootstrapOperatorKey(PlainApiKey key) {
        ResultWithEvents<ApiKey, ApiKeyEvent> issued = ApiKey.issue(key, ApiKeyRole.OPERATOR, null, null,
                BOOTSTRAP_LABEL, clock.instant(), null);
        try {
            keys.insert(issued);
            return BootstrapOutcome.CREATED;
        } catch (ConcurrentModificationConflict duplicate) {
            // Stored by an earlier start, or by another replica starting right now.
            ApiKey existing = keys.find(key.keyId()).map(Versioned::aggregate).orElseThrow(() -> duplicate);
            if (existing.role() != ApiKeyRole.OPERATOR || !key.matches(existing.secretHash())) {
                throw new IllegalStateException("API key " + key.keyId() + " exists and is not the configured "
                        + "bootstrap operator key (another role or another secret); configure a key with a new key id");
            }
            return existing.isActive() ? BootstrapOutcome.PRESENT : BootstrapOutcome.REVOKED;
        }
    }

    private IssuedApiKey insertNew(Function<PlainApiKey, ResultWithEvents<ApiKey, ApiKeyEvent>> issue,
            String replaced) {
        for (int attempt = 1;; attempt++) {
            PlainApiKey key = PlainApiKey.generate(random);
            ResultWithEvents<ApiKey, ApiKeyEvent> issued = issue.apply(key);
            try {
                return new IssuedApiKey(keys.insert(issued), key, replaced);
            } catch (ConcurrentModificationConflict idTaken) {
                // 64 random bits: a second draw practically never collides again.
                if (attempt == ATTEMPTS) {
                    throw idTaken;
                }
            }
        }
    }

    private Versioned<ApiKey> revokeWithRetry(String keyId, Versioned<ApiKey> read) {
        Versioned<ApiKey> current = read;
        for (int attempt = 1;; attempt++) {
            ResultWithEvents<ApiKey, ApiKeyEvent> revoked = current.aggregate().revoke(clock.instant());
            if (revoked.events().isEmpty()) {
                return current;
            }
            try {
                return keys.update(revoked, current.version());
            } catch (ConcurrentModificationConflict changed) {
                // Revoking is idempotent: whatever changed the key meanwhile, revoke what is there now.
                if (attempt == ATTEMPTS) {
                    throw changed;
                }
                current = load(keyId);
            }
        }
    }

    private Versioned<ApiKey> load(String keyId) {
        Optional<Versioned<ApiKey>> found = PlainApiKey.isKeyId(keyId) ? keys.find(keyId) : Optional.empty();
        return found.orElseThrow(() -> new NotFoundException("API key", keyId));
    }
}
