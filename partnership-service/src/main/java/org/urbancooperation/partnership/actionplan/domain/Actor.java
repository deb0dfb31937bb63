package org.urbancooperation.partnership.actionplan.domain;

import org.urbancooperation.support.domain.Require;

/**
 * Who made a change: the caller's subject (user or API key) and the organisation it acted for (none for the
 * programme secretariat's operators). Kept in the action's history, never published in integration events.
 */
public record Actor(String subject, String organisationId) {

    public Actor {
        Require.text("subject", subject, 200);
    }
}
