package org.urbancooperation.partnership.programme.domain;

import java.util.Map;

import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.Require;

/** A thematic network of interest of a programme, e.g. "Climate Action, Energy, Water &amp; Air Quality". */
public record Network(String id, LocalizedText names) {

    public Network {
        Require.slugShape("id", id);
        Require.present("names", names);
    }

    /** New input: a slug id and an English name (other languages beside it). */
    public static Network of(String id, Map<String, String> names) {
        return new Network(Require.slug("id", id, "climate-energy-water-air"),
                LocalizedText.of("names", names, true, Programme.MAX_NAME));
    }
}
