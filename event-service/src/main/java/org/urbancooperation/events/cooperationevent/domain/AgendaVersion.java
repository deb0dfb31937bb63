package org.urbancooperation.events.cooperationevent.domain;

import java.time.Instant;
import java.util.List;

/**
 * A published agenda: version 1 is the first one published, each later publication of a changed agenda the next.
 *
 * @param changes from the previous version; empty for version 1
 */
public record AgendaVersion(int number, Instant publishedAt, List<Session> sessions, List<AgendaChange> changes) {

    public AgendaVersion {
        sessions = List.copyOf(sessions);
        changes = List.copyOf(changes);
    }
}
