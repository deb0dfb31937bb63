package org.urbancooperation.matching.schedule.domain;

import org.urbancooperation.matching.shared.domain.InterpreterPair;

/**
 * A match placed into a slot at a table (numbered from 1), with the interpreter pair it needs or null when the two
 * share a language.
 */
public record PlacedMeeting(String matchId, String participantA, String participantB, int slot, int table,
        InterpreterPair interpreter) {
}
