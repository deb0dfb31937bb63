package org.urbancooperation.matching.meeting.application;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.matching.meeting.domain.MeetingStatus;

/**
 * What a list of meetings is narrowed to; each field null for any.
 *
 * @param involving only meetings of this business (a business sees no others)
 * @param partnershipIds only meetings of these partnerships' matching events (partner staff see no others)
 */
public record MeetingFilter(String involving, List<UUID> partnershipIds, UUID matchingEventId, MeetingStatus status) {
}
