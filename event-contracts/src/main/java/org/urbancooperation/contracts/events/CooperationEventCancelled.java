package org.urbancooperation.contracts.events;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.IntegrationEvent;

/**
 * A cooperation event was cancelled, before or after it was reported held: it no longer counts for the
 * partnerships in {@code partnershipIds}.
 *
 * @param reason optional, e.g. why it could not take place
 */
public record CooperationEventCancelled(
        UUID cooperationEventId,
        List<UUID> partnershipIds,
        String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return cooperationEventId.toString();
    }
}
