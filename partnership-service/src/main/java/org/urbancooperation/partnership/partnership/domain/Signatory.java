package org.urbancooperation.partnership.partnership.domain;

import org.urbancooperation.support.domain.Require;

/**
 * Who signed an agreement, e.g. a mayor for a city government.
 *
 * @param title the signatory's office, e.g. "Mayor"; null when not recorded
 * @param organisationId the organisation the signatory signed for; null when not recorded
 */
public record Signatory(String name, String title, String organisationId) {

    public Signatory {
        Require.text("name", name, 200);
        if (organisationId != null) {
            Require.slugShape("organisationId", organisationId);
        }
    }

    public static Signatory of(String name, String title, String organisationId) {
        return new Signatory(Require.visibleText("name", name, 200),
                title == null ? null : Require.visibleText("title", title, 200),
                organisationId == null ? null : Require.slug("organisationId", organisationId, "city-of-essen"));
    }
}
