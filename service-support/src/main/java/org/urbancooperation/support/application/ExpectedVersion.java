package org.urbancooperation.support.application;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The versions a caller accepts an aggregate to be at: from an If-Match header (one entity tag, or a list, any of
 * which may match), or none given (any version). Compared with the stored version before a change; the write itself
 * is conditional on the version read as well. Given but empty: nothing can match (an If-Match of weak tags only).
 */
public record ExpectedVersion(boolean isGiven, Set<Long> versions) {

    public ExpectedVersion {
        versions = Set.copyOf(versions);
    }

    public static ExpectedVersion any() {
        return new ExpectedVersion(false, Set.of());
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(true, Set.of(version));
    }

    /** Any of these versions; none: no state can satisfy it and the change is a 412 whatever the current version. */
    public static ExpectedVersion oneOf(Set<Long> versions) {
        return new ExpectedVersion(true, versions);
    }

    /** @throws ConcurrentModificationConflict (412) when versions were given and the current one is not among them */
    public void check(String resource, long currentVersion) {
        if (isGiven && !versions.contains(currentVersion)) {
            String asked = versions.isEmpty() ? "If-Match names no strong entity tag (a weak tag never matches a write)"
                    : "not " + new TreeSet<>(versions).stream().map(String::valueOf).collect(Collectors.joining(" or "));
            throw new ConcurrentModificationConflict(resource + " is at version " + currentVersion + ", " + asked, true);
        }
    }
}
