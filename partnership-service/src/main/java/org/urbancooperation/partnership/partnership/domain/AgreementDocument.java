package org.urbancooperation.partnership.partnership.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A document about an agreement: the signed text, a press release.
 *
 * @param language BCP 47 tag of its language ({@code de}, {@code ja}); null when not recorded
 * @param mediaType e.g. {@code application/pdf}; null when not recorded
 */
public record AgreementDocument(String title, String url, String language, String mediaType) {

    public static final int MAX_URL = 2000;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9.+-]+/[a-z0-9.+-]+");

    public AgreementDocument {
        Require.text("title", title, 200);
        Require.text("url", url, MAX_URL);
    }

    public static AgreementDocument of(String title, String url, String language, String mediaType) {
        String checkedTitle = Require.visibleText("title", title, 200);
        String checkedUrl = Require.visibleText("url", url, MAX_URL);
        try {
            URI uri = new URI(checkedUrl);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidValueException("url", "url must be an absolute http or https address");
            }
        } catch (URISyntaxException e) {
            throw new InvalidValueException("url", "url must be an absolute http or https address");
        }
        if (language != null && (language.length() > 35 || !Locale.forLanguageTag(language).toLanguageTag().equals(language)
                || "und".equals(language))) {
            throw new InvalidValueException("language", "language must be a BCP 47 language tag such as de or ja");
        }
        if (mediaType != null && (mediaType.length() > 100 || !MEDIA_TYPE.matcher(mediaType).matches())) {
            throw new InvalidValueException("mediaType", "mediaType must be a media type such as application/pdf");
        }
        return new AgreementDocument(checkedTitle, checkedUrl, language, mediaType);
    }
}
