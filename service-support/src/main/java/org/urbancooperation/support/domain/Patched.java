package org.urbancooperation.support.domain;

/**
 * One field of a JSON merge patch (RFC 7396): not in the patch (keep what is there), or in it with a value, where
 * {@code null} removes the field (or, for a field that cannot be removed, is refused naming it).
 */
public record Patched<T>(boolean given, T value) {

    private static final Patched<?> KEEP = new Patched<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Patched<T> keep() {
        return (Patched<T>) KEEP;
    }

    /** In the patch: {@code value}, or null to remove the field. */
    public static <T> Patched<T> to(T value) {
        return new Patched<>(true, value);
    }
}
