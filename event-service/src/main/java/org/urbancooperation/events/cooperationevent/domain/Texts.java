package org.urbancooperation.events.cooperationevent.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.Require;

/** Checks shared by the cooperation event's parts: texts by language, language codes, URLs. */
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
     * An optional text in several languages, the platform's one {@link LocalizedText}; none ({@code null}) when absent
     * or empty, so that {@code {}} keeps meaning "no text" as it always has on this API.
     */
    public static LocalizedText localized(String field, Map<String, String> texts, int maxLength, boolean multiline) {
        return texts == null || texts.isEmpty() ? null : LocalizedText.of(field, texts, false, maxLength, multiline);
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
