package org.urbancooperation.partnership.actionplan.domain;

import java.util.Map;
import java.util.UUID;

import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.InvalidValueException;

/**
 * A focal point of a partnership's action plan, numbered as the partners number them: Essen and Koriyama's
 * 1 "Continued knowledge transfer &amp; study tours", 2 "Organizing joint seminars &amp; business matching events,
 * …", 3 "Academic internship &amp; student exchange programs". Its own small aggregate: focal points change
 * rarely and independently of the actions under them, which refer to them by id.
 */
public record FocalPoint(UUID id, UUID partnershipId, int number, LocalizedText title, String description) {

    public static final int MAX_NUMBER = 99;
    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 4000;

    public FocalPoint {
        Require.present("id", id);
        Require.present("partnershipId", partnershipId);
        Require.present("title", title);
        if (number < 1 || number > MAX_NUMBER) {
            throw new InvalidValueException("number", "number must be between 1 and " + MAX_NUMBER);
        }
    }

    /** New input: a number 1..99 (unique within the partnership: the application checks), an English title. */
    public static FocalPoint define(UUID id, UUID partnershipId, Integer number, Map<String, String> title,
            String description) {
        Require.present("number", number);
        return new FocalPoint(id, partnershipId, number, LocalizedText.of("title", title, true, MAX_TITLE),
                description(description));
    }

    /** A change: a null field stays as it is. */
    public FocalPoint change(Integer newNumber, Map<String, String> newTitle, String newDescription) {
        return new FocalPoint(id, partnershipId, newNumber == null ? number : newNumber,
                newTitle == null ? title : LocalizedText.of("title", newTitle, true, MAX_TITLE),
                newDescription == null ? description : description(newDescription));
    }

    private static String description(String description) {
        return description == null ? null : Require.multilineText("description", description, MAX_DESCRIPTION);
    }
}
