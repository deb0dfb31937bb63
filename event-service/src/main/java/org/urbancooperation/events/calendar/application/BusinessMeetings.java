package org.urbancooperation.events.calendar.application;

import java.util.List;

import org.urbancooperation.events.calendar.domain.BusinessMeeting;

/** The B2B meetings this service heard of from matching-service, cancelled ones included. */
@FunctionalInterface
public interface BusinessMeetings {

    /** The meetings the business takes part in, cancelled ones included. */
    List<BusinessMeeting> of(String businessId);
}
