package org.urbancooperation.matching.matchingevent.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

/**
 * A business taking part in a matching event: when within the event it is free for meetings, and how many
 * meetings it wants at most. One per business and matching event. Immutable: each command returns the new state.
 *
 * @param availability the spans it is free, in time order, not overlapping, each within the event
 * @param withdrawn true once it no longer takes part (it may take part again)
 * @param constraints its languages, zone and business hours for meetings; {@link MeetingConstraints#NONE} when it
 *        declared none
 */
public record Participant(UUID matchingEventId, String businessId, List<Availability> availability, int maxMeetings,
        boolean withdrawn, MeetingConstraints constraints) {

    public static final int MAX_SPANS = 50;

    public Participant {
        Require.present("matchingEventId", matchingEventId);
        Require.slugShape("businessId", businessId);
        availability = List.copyOf(Require.present("availability", availability));
        constraints = constraints == null ? MeetingConstraints.NONE : constraints;
    }

    /** The one id of a business's participation in a matching event. */
    public static String idOf(UUID matchingEventId, String businessId) {
        return matchingEventId + ":" + businessId;
    }

    public String id() {
        return idOf(matchingEventId, businessId);
    }

    /**
     * @throws InvalidValueException naming {@code availability[i].startsAt}/{@code endsAt} for a span outside the
     *         event, empty or overlapping another, or {@code maxMeetings} outside 1 to the event's slot count
     */
    public static ResultWithEvents<Participant, Void> join(MatchingEvent event, String businessId,
            List<Availability> availability, Integer maxMeetings, MeetingConstraints constraints) {
        Require.slug("businessId", businessId, "robots-essen");
        return ResultWithEvents.of(new Participant(event.id(), businessId, checked(event, availability),
                checkedMax(event, maxMeetings), false, constraints));
    }

    /** New availability, maximum and constraints (taking part again if it had withdrawn). */
    public ResultWithEvents<Participant, Void> change(MatchingEvent event, List<Availability> newAvailability,
            Integer newMaxMeetings, MeetingConstraints newConstraints) {
        return ResultWithEvents.of(new Participant(matchingEventId, businessId, checked(event, newAvailability),
                checkedMax(event, newMaxMeetings), false, newConstraints));
    }

    public ResultWithEvents<Participant, Void> withdraw() {
        if (withdrawn) {
            throw new RuleViolationException(businessId + " has withdrawn from this matching event already");
        }
        return ResultWithEvents.of(new Participant(matchingEventId, businessId, availability, maxMeetings, true,
                constraints));
    }

    private static int checkedMax(MatchingEvent event, Integer maxMeetings) {
        Require.present("maxMeetings", maxMeetings);
        if (maxMeetings < 1 || maxMeetings > event.slotCount()) {
            throw new InvalidValueException("maxMeetings", "maxMeetings must be between 1 and the event's "
                    + event.slotCount() + " slots");
        }
        return maxMeetings;
    }

    private static List<Availability> checked(MatchingEvent event, List<Availability> spans) {
        Require.size("availability", spans, 1, MAX_SPANS);
        List<Availability> checked = Require.each("availability", spans, (path, span) -> {
            Require.present(path, span);
            Require.instant(path + ".startsAt", span.startsAt());
            Require.instant(path + ".endsAt", span.endsAt());
            if (!span.endsAt().isAfter(span.startsAt())) {
                throw InvalidValueException.between(path + ".startsAt", path + ".endsAt",
                        "startsAt must be before endsAt");
            }
            if (span.startsAt().isBefore(event.startsAt()) || span.endsAt().isAfter(event.endsAt())) {
                throw InvalidValueException.between(path + ".startsAt", path + ".endsAt", "a span lies within the "
                        + "matching event, " + event.startsAt() + " to " + event.endsAt());
            }
            return new Availability(span.startsAt(), span.endsAt());
        });
        List<Availability> ordered = new ArrayList<>(checked);
        ordered.sort(Comparator.comparing(Availability::startsAt));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).startsAt().isBefore(ordered.get(i - 1).endsAt())) {
                throw new InvalidValueException("availability", "availability spans overlap at "
                        + ordered.get(i).startsAt());
            }
        }
        return List.copyOf(ordered);
    }
}
