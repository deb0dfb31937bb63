package org.urbancooperation.matching.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.matching.match.application.MatchRepository;
import org.urbancooperation.matching.matchingevent.application.MatchingEventRepository;
import org.urbancooperation.matching.matchingevent.application.ParticipantRepository;
import org.urbancooperation.matching.matchingevent.persistence.KnownPartnerships;
import org.urbancooperation.matching.meeting.application.MeetingRepository;
import org.urbancooperation.matching.meeting.persistence.MongoMeetingRepository;
import org.urbancooperation.matching.schedule.application.ScheduleMetrics;
import org.urbancooperation.matching.schedule.application.ScheduleReleaseRepository;
import org.urbancooperation.matching.schedule.application.ScheduleService;
import org.urbancooperation.matching.schedule.persistence.MongoScheduleReleaseRepository;
import org.urbancooperation.matching.schedule.persistence.RepositorySchedulingInputs;
import org.urbancooperation.matching.schedule.persistence.ScheduledMeetingsFromMeetings;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires matching events' schedules (preview and releases) and the meetings they create. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    MeetingRepository meetingRepository(AggregateStores stores) {
        return new MongoMeetingRepository(stores);
    }

    @Bean
    ScheduleReleaseRepository scheduleReleaseRepository(AggregateStores stores) {
        return new MongoScheduleReleaseRepository(stores);
    }

    @Bean
    ScheduleMetrics scheduleMetrics(MeterRegistry meters) {
        return new ScheduleMetrics(meters);
    }

    @Bean
    ScheduleService scheduleService(MatchingEventRepository matchingEvents, KnownPartnerships partnerships,
            ParticipantRepository participants, MatchRepository matches, MongoDatabase database,
            ScheduleReleaseRepository releases, MeetingRepository meetings, ScheduleMetrics metrics, Clock clock) {
        return new ScheduleService(new RepositorySchedulingInputs(matchingEvents, partnerships, participants, matches,
                database), releases, new ScheduledMeetingsFromMeetings(meetings, clock), metrics, clock);
    }
}
