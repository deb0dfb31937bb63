package org.urbancooperation.support.security;

import java.util.Arrays;
import java.util.Collection;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.support.application.NotFoundException;

/**
 * The object-level rules every service applies the same way:
 * <ul>
 * <li>changing something that belongs to organisations: operators, or partners of one of them;
 * others get 403 (the thing is not secret, the change is not theirs);</li>
 * <li>anything that belongs to one business: operators, or that business; others get 404, so they
 * cannot even learn that it exists;</li>
 * <li>a role-only action: 403 for other roles, 401 for anonymous callers.</li>
 * </ul>
 */
public final class Access {

    private Access() {
    }

    public static void requireAuthenticated(Caller caller) {
        if (caller.isAnonymous()) {
            throw new AuthenticationRequiredException("This needs an API key or a bearer token");
        }
    }

    public static void requireRole(Caller caller, Role... roles) {
        requireAuthenticated(caller);
        if (Arrays.stream(roles).noneMatch(caller::is)) {
            throw new AccessDeniedException("Only " + Arrays.stream(roles).map(Role::wireName).toList()
                    + " may do this");
        }
    }

    /** Operators, or partners whose organisation is among {@code organisations}. */
    public static void requireOperatorOrMemberOf(Caller caller, Collection<String> organisations, String what) {
        requireAuthenticated(caller);
        if (caller.isOperator()) {
            return;
        }
        if (caller.is(Role.PARTNER) && caller.organisationId().filter(organisations::contains).isPresent()) {
            return;
        }
        throw new AccessDeniedException(what + " belongs to other organisations");
    }

    /** Operators, or the business itself; to anybody else the thing does not exist (404). */
    public static void requireOperatorOrOwner(Caller caller, String ownerBusinessId, String resource, Object id) {
        if (caller.isOperator() || caller.businessId().filter(ownerBusinessId::equals).isPresent()) {
            return;
        }
        throw new NotFoundException(resource, id);
    }
}
