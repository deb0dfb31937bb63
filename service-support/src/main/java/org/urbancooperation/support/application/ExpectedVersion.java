package org.urbancooperation.support.application;

import java.util.OptionalLong;

/**
 * The version a caller expects an aggregate to have: from an If-Match header, or none. Compared
 * with the stored version before a change; the write itself is conditional on it as well.
 */
public record ExpectedVersion(OptionalLong version) {

    public static ExpectedVersion any() {
        return new ExpectedVersion(OptionalLong.empty());
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(OptionalLong.of(version));
    }

    public boolean isGiven() {
        return version.isPresent();
    }

    /** @throws ConcurrentModificationConflict (412) when a given version differs from the current one */
    public void check(String resource, long currentVersion) {
        if (version.isPresent() && version.getAsLong() != currentVersion) {
            throw new ConcurrentModificationConflict(resource + " is at version " + currentVersion
                    + ", not " + version.getAsLong(), true);
        }
    }
}
