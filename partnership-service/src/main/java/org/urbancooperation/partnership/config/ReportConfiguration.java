package org.urbancooperation.partnership.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventHeld;
import org.urbancooperation.contracts.events.CooperationEventScheduledV2;
import org.urbancooperation.partnership.actionplan.application.ActionRepository;
import org.urbancooperation.partnership.actionplan.application.FocalPointRepository;
import org.urbancooperation.partnership.city.application.CityRepository;
import org.urbancooperation.partnership.indicator.application.CountedThings;
import org.urbancooperation.partnership.indicator.application.IndicatorRepository;
import org.urbancooperation.partnership.organisation.application.OrganisationRepository;
import org.urbancooperation.partnership.partnership.application.PartnershipRepository;
import org.urbancooperation.partnership.programme.application.ProgrammeRepository;
import org.urbancooperation.partnership.report.application.ActionsForReport;
import org.urbancooperation.partnership.report.application.CooperationEventCalendar;
import org.urbancooperation.partnership.report.application.IndicatorsForReport;
import org.urbancooperation.partnership.report.application.PartnershipsForReport;
import org.urbancooperation.partnership.report.application.ProgrammesForReport;
import org.urbancooperation.partnership.report.application.ReportService;
import org.urbancooperation.partnership.report.messaging.CooperationEventCalendarHandlers;
import org.urbancooperation.partnership.report.persistence.MongoCooperationEventCalendar;
import org.urbancooperation.partnership.report.persistence.RepositoryActionsForReport;
import org.urbancooperation.partnership.report.persistence.RepositoryIndicatorsForReport;
import org.urbancooperation.partnership.report.persistence.RepositoryPartnershipsForReport;
import org.urbancooperation.partnership.report.persistence.RepositoryProgrammesForReport;
import org.urbancooperation.support.messaging.IntegrationEventHandler;

import com.mongodb.client.MongoDatabase;

/**
 * Wires the results report: its ports read the other features through their repositories (adapters in
 * report.persistence), and its calendar of cooperation events is its own read model, kept from event-service's facts.
 */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    PartnershipsForReport reportPartnerships(PartnershipRepository partnerships, ProgrammeRepository programmes,
            OrganisationRepository organisations, CityRepository cities) {
        return new RepositoryPartnershipsForReport(partnerships, programmes, organisations, cities);
    }

    @Bean
    ProgrammesForReport reportProgrammes(ProgrammeRepository programmes) {
        return new RepositoryProgrammesForReport(programmes);
    }

    @Bean
    ActionsForReport reportActions(ActionRepository actions, FocalPointRepository focalPoints) {
        return new RepositoryActionsForReport(actions, focalPoints);
    }

    @Bean
    IndicatorsForReport reportIndicators(IndicatorRepository indicators, CountedThings countedThings) {
        return new RepositoryIndicatorsForReport(indicators, countedThings);
    }

    @Bean
    CooperationEventCalendar reportCooperationEventCalendar(MongoDatabase database) {
        return new MongoCooperationEventCalendar(database);
    }

    @Bean
    ReportService reportService(PartnershipsForReport partnerships, ProgrammesForReport programmes,
            ActionsForReport actions, IndicatorsForReport indicators, CooperationEventCalendar calendar, Clock clock) {
        return new ReportService(partnerships, programmes, actions, indicators, calendar, clock);
    }

    // The report's calendar: upcoming and past cooperation events of each partnership.

    @Bean
    IntegrationEventHandler<CooperationEventScheduledV2> reportCalendarScheduled(CooperationEventCalendar calendar) {
        return CooperationEventCalendarHandlers.scheduled(calendar);
    }

    @Bean
    IntegrationEventHandler<CooperationEventHeld> reportCalendarHeld(CooperationEventCalendar calendar) {
        return CooperationEventCalendarHandlers.held(calendar);
    }

    @Bean
    IntegrationEventHandler<CooperationEventCancelled> reportCalendarCancelled(CooperationEventCalendar calendar) {
        return CooperationEventCalendarHandlers.cancelled(calendar);
    }
}
