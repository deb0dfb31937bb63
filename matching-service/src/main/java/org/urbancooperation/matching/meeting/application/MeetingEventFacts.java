package org.urbancooperation.matching.meeting.application;

import java.time.Instant;

/**
 * What the published meeting events carry beyond the meeting itself: the matching event's title and zone (for the
 * calendar entry) and when the change happened (a meeting held is counted at that time).
 *
 * @param title the matching event's title; null when not at hand (check-in and outcomes publish no title)
 * @param timeZone the matching event's IANA zone; null when it has none
 */
public record MeetingEventFacts(String title, String timeZone, Instant at) {
}
