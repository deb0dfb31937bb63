package org.urbancooperation.events.cooperationevent.domain;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * Interpretation between two languages, both ways (EN↔JA), e.g. the 100 Cities event's simultaneous interpretation.
 *
 * @param channel where listeners find it: a room's booth or an online channel; null when not said
 */
public record Interpretation(String language, String otherLanguage, Mode mode, String channel) {

    public enum Mode {
        SIMULTANEOUS,
        CONSECUTIVE
    }

    public Interpretation {
        Texts.language("language", language);
        Texts.language("otherLanguage", otherLanguage);
        if (language.equals(otherLanguage)) {
            throw InvalidValueException.between("language", "otherLanguage", "interpretation is between two different "
                    + "languages");
        }
        Require.present("mode", mode);
        channel = Texts.optional("channel", channel, 100);
    }

    boolean sameLanguages(Interpretation other) {
        return language.equals(other.language) && otherLanguage.equals(other.otherLanguage)
                || language.equals(other.otherLanguage) && otherLanguage.equals(other.language);
    }
}
