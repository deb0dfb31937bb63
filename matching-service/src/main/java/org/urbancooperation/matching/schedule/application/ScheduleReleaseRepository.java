package org.urbancooperation.matching.schedule.application;

import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.matching.schedule.domain.ScheduleRelease;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores the releases of matching events' schedules, one document each, never changed. */
public interface ScheduleReleaseRepository {

    /** The highest-numbered release of the event; empty before the first. */
    Optional<ScheduleRelease> latest(UUID matchingEventId);

    Optional<ScheduleRelease> find(UUID matchingEventId, int number);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict when that number exists */
    void insert(ScheduleRelease release);

    /** A page of the event's releases, by number. */
    Page<ScheduleRelease> page(UUID matchingEventId, PageRequest request);
}
