package org.urbancooperation.matching.schedule.domain;

/** A match the scheduler could not place, and the first reason that stood in its way. */
public record UnplacedMatch(String matchId, Reason reason) {

    public enum Reason {
        /** One of the two is not a participant of the event (any more). */
        UNKNOWN_PARTICIPANT,
        /** No slot in which both are available (and inside their hours, where they asked for that). */
        NO_COMMON_AVAILABILITY,
        /** One of the two already has as many meetings as it wants. */
        MEETING_CAP_REACHED,
        /** The two share no language and no slot they could meet in has an interpreter for any of their pairs. */
        NO_INTERPRETER,
        /** Every slot both could meet in is taken by another meeting of one of them. */
        NO_FREE_SLOT,
        /** Both are free in some slot, but every such slot has all its tables taken. */
        NO_TABLE,
        /** Both are free in some slot, but its interpreters for their languages are all taken. */
        INTERPRETERS_TAKEN
    }
}
