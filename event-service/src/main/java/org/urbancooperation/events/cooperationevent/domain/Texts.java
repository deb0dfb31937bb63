package org.urbancooperation.events.cooperationevent.domain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/** Checks shared by the cooperation event's parts: texts by language, language codes. */
public final class Texts {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private Texts() {
    }

    public static String language(String field, String code) {
        Require.present(field, code);
        if (!LANGUAGES.contains(code)) {
            throw new InvalidValueException(field, field + " must be an ISO 639-1 language code such as en or ja");
        }
        return code;
    }

    /**
     * A text in several languages, keyed by ISO 639-1 code; kept in the order given.
     *
     * @param required whether at least one language must be there
     */
    static Map<String, String> byLanguage(String field, Map<String, String> texts, int maxLength, boolean required,
            boolean multiline) {
        if (texts == null || texts.isEmpty()) {
            if (required) {
                throw new InvalidValueException(field, field + " needs a text in at least one language, e.g. en");
            }
            return Map.of();
        }
        if (texts.size() > 10) {
            throw new InvalidValueException(field, field + " has at most 10 languages");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        texts.forEach((language, text) -> {
            String path = field + "." + language;
            language(path, language);
            checked.put(language, multiline ? Require.multilineText(path, text, maxLength)
                    : Require.visibleText(path, text, maxLength));
        });
        return java.util.Collections.unmodifiableMap(checked);
    }

    static String optional(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : Require.visibleText(field, value, maxLength);
    }

    static String optionalUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = Require.visibleText(field, value, 2000);
        try {
            java.net.URI uri = new java.net.URI(url);
            if (!uri.isAbsolute() || !("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidValueException(field, field + " must be an absolute http or https URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidValueException(field, field + " must be an absolute http or https URL");
        }
        return url;
    }
}
