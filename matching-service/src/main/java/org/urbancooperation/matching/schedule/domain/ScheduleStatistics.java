package org.urbancooperation.matching.schedule.domain;

/**
 * How good a schedule is, in the numbers an organiser asks for.
 *
 * @param meetingsPlaced matches that got a meeting
 * @param matchesUnplaced matches that did not
 * @param meetingUpperBound no schedule of this input places more meetings than this (the smallest of: matches that
 *        could each be placed alone, those needing an interpreter at most once per interpreter place; half the sum over
 *        participants of min(cap, free slots, their placeable matches); the tables of all slots)
 * @param slotsUsed slots with at least one meeting
 * @param slotLowerBound the largest number of meetings any one participant has here: no schedule of these meetings
 *        uses fewer slots (König: for two-sided match graphs with everyone free and tables enough, it is reached)
 * @param tableUtilisation meetings placed over tables offered in all slots, 0..1
 * @param interpretedMeetings meetings that need an interpreter
 * @param interpreterUtilisation interpreted meetings over interpreter places offered in all slots, 0..1 (0 when none)
 * @param meetingsInsideBothHours meetings inside both sides' business hours, of those where both declared hours
 * @param meetingsWithBothHours meetings where both sides declared business hours
 */
public record ScheduleStatistics(int meetingsPlaced, int matchesUnplaced, int meetingUpperBound, int slotsUsed,
        int slotLowerBound, double tableUtilisation, int interpretedMeetings, double interpreterUtilisation,
        int meetingsInsideBothHours, int meetingsWithBothHours) {
}
