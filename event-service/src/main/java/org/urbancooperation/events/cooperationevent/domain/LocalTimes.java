package org.urbancooperation.events.cooperationevent.domain;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** When a cooperation event starts and ends on the clocks of one time zone, with that zone's offset on the day. */
public record LocalTimes(ZoneId timeZone, OffsetDateTime startsAt, OffsetDateTime endsAt) {
}
