package org.urbancooperation.support.security;

import java.util.Optional;

import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.contracts.identity.Role;

/**
 * Who is calling this request: the identity the gateway forwarded, or nobody (anonymous). Plain
 * Java, so application services take it as a parameter and decide with {@link Access}.
 */
public final class Caller {

    private static final Caller ANONYMOUS = new Caller(null);

    private final CallerIdentity identity;

    private Caller(CallerIdentity identity) {
        this.identity = identity;
    }

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public static Caller of(CallerIdentity identity) {
        return new Caller(identity);
    }

    public boolean isAnonymous() {
        return identity == null;
    }

    public boolean is(Role role) {
        return identity != null && identity.role() == role;
    }

    public boolean isOperator() {
        return is(Role.OPERATOR);
    }

    public Optional<CallerIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The partner's organisation; empty for everybody else. */
    public Optional<String> organisationId() {
        return identity == null ? Optional.empty() : Optional.ofNullable(identity.organisationId());
    }

    /** The business; empty for everybody else. */
    public Optional<String> businessId() {
        return identity == null ? Optional.empty() : Optional.ofNullable(identity.businessId());
    }

    @Override
    public String toString() {
        return identity == null ? "anonymous" : identity.role().wireName() + ":" + identity.subject();
    }
}
