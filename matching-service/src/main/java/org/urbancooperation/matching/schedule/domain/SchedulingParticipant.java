package org.urbancooperation.matching.schedule.domain;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the scheduler needs to know of one participant of a matching event.
 *
 * @param availableSlots the slot indexes it can meet in; null means every slot
 * @param maxMeetings the most meetings it wants
 * @param languages the languages it speaks (ISO 639-1)
 * @param hours its business hours, or null when it declared none
 * @param onlyInsideHours true when it meets only inside its business hours; otherwise they are a preference
 */
public record SchedulingParticipant(String id, Set<Integer> availableSlots, int maxMeetings, Set<String> languages,
        BusinessHours hours, boolean onlyInsideHours) {

    public SchedulingParticipant {
        Objects.requireNonNull(id, "id");
        availableSlots = availableSlots == null ? null : Set.copyOf(availableSlots);
        if (maxMeetings < 0) {
            throw new IllegalArgumentException("maxMeetings is at least 0");
        }
        languages = languages == null ? Set.of() : Set.copyOf(new TreeSet<>(languages));
        if (onlyInsideHours && hours == null) {
            throw new IllegalArgumentException("onlyInsideHours needs business hours");
        }
    }

    /** Every slot, no cap that binds, no hours: the participant of König's bound. */
    public static SchedulingParticipant alwaysFree(String id, int maxMeetings, Set<String> languages) {
        return new SchedulingParticipant(id, null, maxMeetings, languages, null, false);
    }

    public boolean isAvailableIn(SchedulingSlot slot) {
        if (availableSlots != null && !availableSlots.contains(slot.index())) {
            return false;
        }
        return !onlyInsideHours || hours.covers(slot.startsAt(), slot.endsAt());
    }

    public boolean isInsideHours(SchedulingSlot slot) {
        return hours != null && hours.covers(slot.startsAt(), slot.endsAt());
    }
}
