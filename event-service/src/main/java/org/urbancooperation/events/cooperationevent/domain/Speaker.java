package org.urbancooperation.events.cooperationevent.domain;

import org.urbancooperation.support.domain.Require;

/**
 * A speaker or moderator as the agenda prints them, e.g. Jean-Eric Paquet, Ambassador of the European Union (EU)
 * to Japan. Only the name is required: no invented facts.
 *
 * @param videoMessage whether they speak by a recorded video message rather than in person
 */
public record Speaker(String name, String title, String organisation, String city, String country,
        boolean videoMessage) {

    public Speaker {
        name = Require.visibleText("name", name, 200);
        title = Texts.optional("title", title, 300);
        organisation = Texts.optional("organisation", organisation, 300);
        city = Texts.optional("city", city, 100);
        country = Texts.optional("country", country, 100);
    }
}
