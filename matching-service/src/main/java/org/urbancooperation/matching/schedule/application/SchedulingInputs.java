package org.urbancooperation.matching.schedule.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.Participant;

/** What the scheduler is run on, read from the features that own it. */
public interface SchedulingInputs {

    Optional<MatchingEvent> matchingEvent(UUID id);

    /** The organisations whose partner staff organise the partnership's matching events; empty when unknown. */
    List<String> organisersOf(UUID partnershipId);

    /** Every participation in the event, withdrawn ones included. */
    List<Participant> participantsOf(UUID matchingEventId);

    /** Whether the business takes part in the event (or did, before it withdrew): one read of its participation. */
    boolean takesPart(UUID matchingEventId, String businessId);

    /** The event's CONFIRMED matches. */
    List<Match> confirmedMatchesOf(UUID matchingEventId);

    /** The languages and zone the businesses' profiles declare, by business id, in one read; none for no profile. */
    Map<String, ProfileFacts> profilesOf(Collection<String> businessIds);

    /** @param timeZone IANA id */
    record ProfileFacts(List<String> languages, String timeZone) {
    }
}
