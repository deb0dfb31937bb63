package org.urbancooperation.events.cooperationevent.domain;

import org.urbancooperation.support.domain.Require;

/** Where people meet in person, e.g. Messe Essen, Norbertstraße 2, Essen. */
public record Venue(String name, String address, String city) {

    public static final int MAX = 300;

    public Venue {
        name = Require.visibleText("name", name, MAX);
        address = Texts.optional("address", address, MAX);
        city = Texts.optional("city", city, 100);
    }
}
