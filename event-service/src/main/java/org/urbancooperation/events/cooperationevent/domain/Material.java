package org.urbancooperation.events.cooperationevent.domain;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A presentation or handout of a session.
 *
 * @param url where to download it; null when the organisers have not given one (the title then says so)
 * @param language ISO 639-1 code, null when not known
 * @param mediaType e.g. application/pdf
 * @param sizeBytes null when not known
 */
public record Material(String title, String url, String language, String mediaType, Long sizeBytes) {

    public Material {
        title = Require.visibleText("title", title, 300);
        url = Texts.optionalUrl("url", url);
        language = language == null ? null : Texts.language("language", language);
        if (mediaType != null && !mediaType.matches("[a-z0-9][a-z0-9.+-]{0,62}/[a-z0-9][a-z0-9.+-]{0,62}")) {
            throw new InvalidValueException("mediaType", "mediaType must be a media type such as application/pdf");
        }
        if (sizeBytes != null && (sizeBytes < 0 || sizeBytes > 10_000_000_000L)) {
            throw new InvalidValueException("sizeBytes", "sizeBytes must be between 0 and 10000000000");
        }
    }
}
