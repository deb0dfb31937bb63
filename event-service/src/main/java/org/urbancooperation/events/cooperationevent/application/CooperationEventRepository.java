package org.urbancooperation.events.cooperationevent.application;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.CooperationEventChange;
import org.urbancooperation.events.cooperationevent.domain.EventKind;
import org.urbancooperation.events.cooperationevent.domain.EventStatus;
import org.urbancooperation.events.cooperationevent.domain.TimeWindow;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores cooperation events together with the changes of each command (one write each). */
public interface CooperationEventRepository {

    /** Whose drafts a list shows besides public events: all (operators), one organisation's, or none. */
    record Drafts(boolean all, String organisation) {

        public static Drafts none() {
            return new Drafts(false, null);
        }
    }

    /**
     * Each null filter field matches every event.
     *
     * @param city a city the event is in (its cities or its venue's city), in any letter case
     * @param language one of the event's languages
     * @param window events overlapping this span of time
     */
    record Filter(UUID partnershipId, String organiser, EventStatus status, EventKind kind, String city,
            String programmeId, String language, TimeWindow window, Drafts draftsOf) {
    }

    Optional<Versioned<CooperationEvent>> find(UUID id);

    Versioned<CooperationEvent> insert(ResultWithEvents<CooperationEvent, CooperationEventChange> created);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict when no longer at readVersion */
    Versioned<CooperationEvent> update(ResultWithEvents<CooperationEvent, CooperationEventChange> changed,
            long readVersion, ExpectedVersion expected);

    /** A page of the matching events, in id order (stable while events are added or changed). */
    Page<Versioned<CooperationEvent>> list(Filter filter, PageRequest page);

    /** A pair counted by {@link #countByStatusAndKind()}. */
    record StatusAndKind(EventStatus status, EventKind kind) {
    }

    /** How many events are in each status, per kind: only the pairs that have events. */
    Map<StatusAndKind, Long> countByStatusAndKind();
}
