package org.urbancooperation.matching.shared.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/** Languages a business works in, as ISO 639-1 codes (en, de, ja): what a shared language is compared on. */
public final class Languages {

    public static final int MAX = 10;
    private static final Set<String> CODES = Set.of(Locale.getISOLanguages());

    private Languages() {
    }

    /** New input: 1 to {@value #MAX} distinct two-letter codes, each named {@code field[i]} when refused. */
    public static List<String> of(String field, List<String> values) {
        Require.size(field, values, 1, MAX);
        List<String> checked = Require.each(field, values, (path, v) -> {
            if (v.length() != 2 || !CODES.contains(v)) {
                throw new InvalidValueException(path, path + " must be an ISO 639-1 language code such as en, de or ja");
            }
            return v;
        });
        if (new LinkedHashSet<>(checked).size() != checked.size()) {
            throw new InvalidValueException(field, field + " names a language twice");
        }
        return List.copyOf(checked);
    }
}
