package org.urbancooperation.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.urbancooperation.contracts.EventEnvelope;

import tools.jackson.databind.JsonNode;

/**
 * The gateway's copy of the active API keys, kept from the {@code access.api-key} topic (issued and
 * revoked events, applied in log order). Checking a key is a map lookup and one hash: no database
 * call per request.
 */
public class ApiKeyCache {

    static final String ISSUED = "access.ApiKeyIssued";
    static final String REVOKED = "access.ApiKeyRevoked";

    /**
     * An active key as published: never the secret, only its hash (decoded; null when the published hash was
     * malformed, so that no secret matches), and the caller it stands for, built once.
     */
    public record ActiveKey(String keyId, byte[] secretDigest, GatewayCaller caller, Instant expiresAt) {
    }

    /** Why a presented key was refused; also the metric's {@code reason} tag. */
    public enum Refusal {
        MALFORMED, UNKNOWN, WRONG_SECRET, EXPIRED
    }

    /** Either the caller or the reason for refusing. */
    public record Check(GatewayCaller caller, Refusal refusal) {
    }

    private final Map<String, ActiveKey> active = new ConcurrentHashMap<>();
    private final Clock clock;
    /** Whether every key published before this gateway started has been read (set once by the topic listener). */
    private volatile boolean loaded;

    public ApiKeyCache(Clock clock) {
        this.clock = clock;
    }

    public void apply(EventEnvelope envelope) {
        JsonNode payload = envelope.payload();
        String keyId = payload.path("keyId").asString(null);
        if (keyId == null) {
            return;
        }
        if (ISSUED.equals(envelope.type())) {
            String expiresAt = payload.path("expiresAt").asString(null);
            GatewayCaller caller = new GatewayCaller(keyId, payload.path("role").asString(""),
                    payload.path("organisationId").asString(null), payload.path("businessId").asString(null), "api-key");
            active.put(keyId, new ActiveKey(keyId, ApiKeys.digestOf(payload.path("secretHash").asString("")), caller,
                    expiresAt == null ? null : Instant.parse(expiresAt)));
        } else if (REVOKED.equals(envelope.type())) {
            active.remove(keyId);
        }
    }

    public Check check(String presented) {
        Optional<ApiKeys.PresentedKey> key = ApiKeys.parse(presented);
        if (key.isEmpty()) {
            return new Check(null, Refusal.MALFORMED);
        }
        ActiveKey known = active.get(key.get().keyId());
        if (known == null) {
            return new Check(null, Refusal.UNKNOWN);
        }
        if (known.secretDigest() == null || !ApiKeys.matches(key.get().secret(), known.secretDigest())) {
            return new Check(null, Refusal.WRONG_SECRET);
        }
        if (known.expiresAt() != null && !clock.instant().isBefore(known.expiresAt())) {
            return new Check(null, Refusal.EXPIRED);
        }
        return new Check(known.caller(), null);
    }

    /** The topic has been read up to where it ended at start: an unknown key is now really unknown. */
    public void markLoaded() {
        loaded = true;
    }

    /**
     * Until then a key the cache does not hold (or holds without its later revocation) may be valid or not:
     * nothing can be decided about it, neither a 401 nor a pass.
     */
    public boolean loaded() {
        return loaded;
    }

    public int size() {
        return active.size();
    }
}
