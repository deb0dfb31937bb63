package org.urbancooperation.matching.meeting.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.matching.meeting.domain.Meeting;
import org.urbancooperation.matching.meeting.domain.MeetingChange;
import org.urbancooperation.matching.meeting.domain.MeetingStatus;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores meetings together with the events of each change (one write each). */
public interface MeetingRepository {

    Optional<Versioned<Meeting>> find(UUID id);

    /** Every meeting of a matching event, whatever its status. */
    List<Versioned<Meeting>> ofMatchingEvent(UUID matchingEventId);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict when it exists already */
    Versioned<Meeting> insert(ResultWithEvents<Meeting, MeetingChange> created, MeetingEventFacts facts);

    Versioned<Meeting> update(ResultWithEvents<Meeting, MeetingChange> changed, long readVersion,
            ExpectedVersion expected, MeetingEventFacts facts);

    /** A page in id order of those {@code filter} admits. */
    Page<Versioned<Meeting>> page(MeetingFilter filter, PageRequest request);

    /** Up to {@code limit} meetings still SCHEDULED whose slot ended in [{@code from}, {@code to}), earliest first. */
    List<Versioned<Meeting>> scheduledEndedBetween(java.time.Instant from, java.time.Instant to, int limit);

    /** How many meetings there are in each status (all statuses present). */
    Map<MeetingStatus, Long> countByStatus();
}
