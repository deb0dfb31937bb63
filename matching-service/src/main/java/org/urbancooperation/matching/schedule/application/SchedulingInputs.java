package org.urbancooperation.matching.schedule.application;

import java.util.List;
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

    /** The event's CONFIRMED matches. */
    List<Match> confirmedMatchesOf(UUID matchingEventId);

    /** The languages and zone a business's profile declares; empty when it has no profile. */
    Optional<ProfileFacts> profileOf(String businessId);

    /** @param timeZone IANA id */
    record ProfileFacts(List<String> languages, String timeZone) {
    }
}
