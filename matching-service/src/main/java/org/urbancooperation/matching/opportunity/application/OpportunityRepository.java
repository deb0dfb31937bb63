package org.urbancooperation.matching.opportunity.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityEvent;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores opportunities together with the events of each change (one write each). */
public interface OpportunityRepository {

    Optional<Versioned<Opportunity>> find(UUID id);

    Versioned<Opportunity> insert(ResultWithEvents<Opportunity, OpportunityEvent> drafted);

    Versioned<Opportunity> update(ResultWithEvents<Opportunity, OpportunityEvent> changed, long readVersion,
            ExpectedVersion expected);

    /** A page in id order of those {@code filter} admits. */
    Page<Versioned<Opportunity>> page(OpportunityFilter filter, PageRequest request);

    /** Up to {@code limit} published opportunities whose validUntil is not after {@code now}. */
    List<Versioned<Opportunity>> dueForExpiry(Instant now, int limit);

    /** Every published opportunity with its version, in batches: what the matching index is built from at start. */
    void forEachPublished(java.util.function.Consumer<Versioned<Opportunity>> action);
}
