package org.urbancooperation.support.mongo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.urbancooperation.support.domain.LocalizedText;

/**
 * How every feature stores a {@link LocalizedText}: a sub-document by language tag, {@code {"en": "...", "ja": "..."}},
 * in the text's own order (English first). Read back through the constructor, which keeps the stored-state invariants.
 */
public final class LocalizedTexts {

    private LocalizedTexts() {
    }

    public static Document document(LocalizedText text) {
        return text == null ? null : new Document(new LinkedHashMap<String, Object>(text.values()));
    }

    /** The text stored in {@code document}; null for none (an optional text that was never given). */
    public static LocalizedText text(Document document) {
        if (document == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        document.forEach((tag, value) -> values.put(tag, (String) value));
        return new LocalizedText(values);
    }
}
