package org.urbancooperation.support.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One text in several languages, by BCP 47 language tag: {@code {"en": "Koriyama", "ja": "郡山市"}}, with {@code de}
 * only where the German differs. The entries are kept English first, then by tag, so that the JSON a client reads
 * and the document stored do not depend on the order a request happened to use.
 */
public record LocalizedText(Map<String, String> values) {

    public static final String ENGLISH = "en";
    /** More languages than the platform's partners speak, few enough for every page and event. */
    public static final int MAX_ENTRIES = 10;
    /** BCP 47 advises supporting tags of at least 35 characters; longer ones are not language tags. */
    private static final int MAX_TAG = 35;
    /** What may appear in a field path of a refusal: a tag-like key, never arbitrary client text. */
    private static final Pattern NAMEABLE_KEY = Pattern.compile("[A-Za-z0-9-]{1," + MAX_TAG + "}");

    /** An invariant of stored state too: present, not empty, no blank tag or text. */
    public LocalizedText {
        Require.present("values", values);
        if (values.isEmpty()) {
            throw new InvalidValueException("values", "a text needs at least one language");
        }
        List<String> tags = new ArrayList<>(values.keySet());
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new InvalidValueException("values", "a language tag must not be blank");
            }
            Require.text("values." + tag, values.get(tag), Integer.MAX_VALUE);
        }
        tags.sort((a, b) -> a.equals(ENGLISH) ? -1 : b.equals(ENGLISH) ? 1 : a.compareTo(b));
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String tag : tags) {
            ordered.put(tag, values.get(tag).strip());
        }
        values = Collections.unmodifiableMap(ordered);
    }

    /**
     * New input: 1 to {@value #MAX_ENTRIES} entries, each tag a well-formed BCP 47 language tag in its canonical form
     * ({@code en}, {@code de}, {@code ja}, {@code pt-BR}: {@link Locale#forLanguageTag} gives the same tag back) that
     * starts with an ISO 639 language of two or three letters, each
     * text one line of visible text of at most {@code maxLength} characters.
     *
     * @param field the path of the whole text, e.g. {@code names}; a refusal of one entry names {@code names.ja}
     * @param englishRequired whether {@code en} must be among the entries (it must wherever the text is required)
     * @throws InvalidValueException naming {@code field} or {@code field.<tag>}
     */
    public static LocalizedText of(String field, Map<String, String> values, boolean englishRequired, int maxLength) {
        return of(field, values, englishRequired, maxLength, false);
    }

    /** As {@link #of(String, Map, boolean, int)}; {@code multiline} lets each text hold line breaks (a description). */
    public static LocalizedText of(String field, Map<String, String> values, boolean englishRequired, int maxLength,
            boolean multiline) {
        Require.present(field, values);
        if (values.isEmpty() || values.size() > MAX_ENTRIES) {
            throw new InvalidValueException(field, field + " must have between 1 and " + MAX_ENTRIES
                    + " languages, e.g. {\"en\": \"Koriyama\", \"ja\": \"郡山市\"}");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String tag = entry.getKey();
            String path = tag != null && NAMEABLE_KEY.matcher(tag).matches() ? field + "." + tag : field;
            if (!isCanonicalLanguageTag(tag)) {
                throw new InvalidValueException(path, path + " is not a BCP 47 language tag in its canonical form, "
                        + "such as en, de or ja");
            }
            checked.put(tag, multiline ? Require.multilineText(path, entry.getValue(), maxLength)
                    : Require.visibleText(path, entry.getValue(), maxLength));
        }
        if (englishRequired && !checked.containsKey(ENGLISH)) {
            throw new InvalidValueException(field + "." + ENGLISH, field + "." + ENGLISH + " is required: "
                    + field + " needs an English text, other languages beside it");
        }
        return new LocalizedText(checked);
    }

    /** The text in exactly this language tag, if there is one (no fallback: a caller decides what to show instead). */
    public Optional<String> in(String language) {
        return Optional.ofNullable(values.get(language));
    }

    /** The English text; where there is none (a text whose English was optional), the first entry, by tag. */
    public String english() {
        return values.values().iterator().next();
    }

    private static boolean isCanonicalLanguageTag(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_TAG || !NAMEABLE_KEY.matcher(tag).matches()) {
            return false;
        }
        Locale locale = Locale.forLanguageTag(tag);
        // An ISO 639 language of two or three letters first: the longer forms BCP 47 reserves name no language.
        int language = locale.getLanguage().length();
        return locale.toLanguageTag().equals(tag) && language >= 2 && language <= 3 && !"und".equals(tag);
    }
}
