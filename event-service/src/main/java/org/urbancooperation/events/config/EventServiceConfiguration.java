package org.urbancooperation.events.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.contracts.matching.MeetingCancelled;
import org.urbancooperation.contracts.matching.MeetingRescheduled;
import org.urbancooperation.contracts.matching.MeetingScheduled;
import org.urbancooperation.contracts.partnership.OrganisationRegistered;
import org.urbancooperation.contracts.partnership.ProgrammeRegistered;
import org.urbancooperation.events.calendar.application.CalendarEvents;
import org.urbancooperation.events.calendar.application.CalendarService;
import org.urbancooperation.events.calendar.application.MeetingEntries;
import org.urbancooperation.events.calendar.application.FeedTokens;
import org.urbancooperation.events.calendar.application.PersonalCalendarEntries;
import org.urbancooperation.events.calendar.application.RegisteredSessionEntries;
import org.urbancooperation.events.calendar.application.SessionRegistrations;
import org.urbancooperation.events.calendar.messaging.KnownMeetingsHandlers;
import org.urbancooperation.events.calendar.persistence.CooperationEventsForCalendars;
import org.urbancooperation.events.calendar.persistence.KnownMeetings;
import org.urbancooperation.events.calendar.persistence.MongoFeedTokens;
import org.urbancooperation.events.calendar.persistence.RegistrationsForCalendars;
import org.urbancooperation.events.calendar.web.CalendarMetrics;
import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository;
import org.urbancooperation.events.cooperationevent.application.CooperationEventService;
import org.urbancooperation.events.cooperationevent.messaging.KnownPartnershipsHandler;
import org.urbancooperation.events.cooperationevent.metrics.CooperationEventGauges;
import org.urbancooperation.events.cooperationevent.messaging.KnownReferencesHandlers;
import org.urbancooperation.events.cooperationevent.persistence.KnownPartnerships;
import org.urbancooperation.events.cooperationevent.persistence.KnownReferences;
import org.urbancooperation.events.cooperationevent.persistence.MongoCooperationEventRepository;
import org.urbancooperation.events.registration.application.RegistrationRepository;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.readmodel.AwaitedReferences;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the features' plain application classes to their adapters. */
@Configuration(proxyBeanMethods = false)
class EventServiceConfiguration {

    /** This service's copy of the established partnerships, which cooperation events refer to. */
    @Bean
    KnownPartnerships knownPartnerships(MongoDatabase database,
            @Value("${ucp.read-models.reference-wait:3s}") Duration referenceWait, MeterRegistry meters) {
        return new KnownPartnerships(database,
                new AwaitedReferences(KnownPartnerships.REFERENCE, referenceWait, meters));
    }

    /** The consumer of PartnershipEstablished: the platform subscribes every IntegrationEventHandler bean. */
    @Bean
    KnownPartnershipsHandler knownPartnershipsHandler(KnownPartnerships knownPartnerships) {
        return new KnownPartnershipsHandler(knownPartnerships);
    }

    /** The organisations partnership-service registered: what a cooperation event's organisers must name. */
    @Bean
    KnownReferences knownOrganisations(MongoDatabase database,
            @Value("${ucp.read-models.reference-wait:3s}") Duration referenceWait, MeterRegistry meters) {
        return new KnownReferences(database, "known_organisations",
                new AwaitedReferences("organisation", referenceWait, meters));
    }

    /** The programmes partnership-service registered: what a cooperation event's programmeId must name. */
    @Bean
    KnownReferences knownProgrammes(MongoDatabase database,
            @Value("${ucp.read-models.reference-wait:3s}") Duration referenceWait, MeterRegistry meters) {
        return new KnownReferences(database, "known_programmes",
                new AwaitedReferences("programme", referenceWait, meters));
    }

    @Bean
    IntegrationEventHandler<OrganisationRegistered> knownOrganisationsHandler(KnownReferences knownOrganisations) {
        return KnownReferencesHandlers.organisations(knownOrganisations);
    }

    @Bean
    IntegrationEventHandler<ProgrammeRegistered> knownProgrammesHandler(KnownReferences knownProgrammes) {
        return KnownReferencesHandlers.programmes(knownProgrammes);
    }

    @Bean
    CooperationEventRepository cooperationEventRepository(AggregateStores stores) {
        return new MongoCooperationEventRepository(stores);
    }

    @Bean(destroyMethod = "close")
    CooperationEventGauges cooperationEventGauges(CooperationEventRepository cooperationEvents, MeterRegistry meters,
            @Value("${ucp.metrics.cooperation-events-interval:30s}") Duration interval) {
        return new CooperationEventGauges(cooperationEvents, meters, interval);
    }

    @Bean
    CooperationEventService cooperationEventService(CooperationEventRepository cooperationEvents,
            KnownPartnerships partnerships, KnownReferences knownOrganisations, KnownReferences knownProgrammes,
            Clock clock, CooperationEventGauges gauges) {
        return new CooperationEventService(cooperationEvents, partnerships, knownOrganisations, knownProgrammes,
                clock, gauges::refreshSoon);
    }

    @Bean
    FeedTokens feedTokens(MongoDatabase database) {
        return new MongoFeedTokens(database);
    }

    /** The personal feed lists the sessions of the participant's confirmed registrations. */
    @Bean
    SessionRegistrations sessionRegistrations(RegistrationRepository registrations) {
        return new RegistrationsForCalendars(registrations);
    }

    @Bean
    CalendarEvents calendarEvents(CooperationEventService cooperationEventService,
            CooperationEventRepository cooperationEvents) {
        return new CooperationEventsForCalendars(cooperationEventService, cooperationEvents);
    }

    @Bean
    RegisteredSessionEntries registeredSessionEntries(SessionRegistrations registrations,
            CalendarEvents calendarEvents) {
        return new RegisteredSessionEntries(registrations, calendarEvents);
    }

    /** matching-service's B2B meetings, for the personal feeds of their businesses. */
    @Bean
    KnownMeetings knownMeetings(MongoDatabase database) {
        return new KnownMeetings(database);
    }

    @Bean
    IntegrationEventHandler<MeetingScheduled> meetingScheduledHandler(KnownMeetings knownMeetings) {
        return KnownMeetingsHandlers.scheduled(knownMeetings);
    }

    @Bean
    IntegrationEventHandler<MeetingRescheduled> meetingRescheduledHandler(KnownMeetings knownMeetings) {
        return KnownMeetingsHandlers.rescheduled(knownMeetings);
    }

    @Bean
    IntegrationEventHandler<MeetingCancelled> meetingCancelledHandler(KnownMeetings knownMeetings) {
        return KnownMeetingsHandlers.cancelled(knownMeetings);
    }

    /** The personal feed of a business's caller also lists its B2B meetings. */
    @Bean
    MeetingEntries meetingEntries(KnownMeetings knownMeetings) {
        return new MeetingEntries(knownMeetings);
    }

    @Bean
    CalendarService calendarService(CalendarEvents calendarEvents, FeedTokens feedTokens,
            java.util.List<PersonalCalendarEntries> personalSources, Clock clock) {
        return new CalendarService(calendarEvents, feedTokens, personalSources, clock);
    }

    @Bean
    CalendarMetrics calendarMetrics(MeterRegistry meters) {
        return new CalendarMetrics(meters);
    }
}
