package org.urbancooperation.matching.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.urbancooperation.matching.match.application.MatchRepository;
import org.urbancooperation.matching.matchingevent.application.MatchingEventRepository;
import org.urbancooperation.matching.matchingevent.application.ParticipantRepository;
import org.urbancooperation.matching.matchingevent.persistence.KnownPartnerships;
import org.urbancooperation.matching.meeting.application.MeetingGauges;
import org.urbancooperation.matching.meeting.application.MeetingRepository;
import org.urbancooperation.matching.meeting.application.MeetingService;
import org.urbancooperation.matching.meeting.persistence.MongoMeetingDirectory;
import org.urbancooperation.matching.meeting.persistence.MongoMeetingRepository;
import org.urbancooperation.matching.schedule.application.ScheduleMetrics;
import org.urbancooperation.matching.schedule.application.ScheduleReleaseRepository;
import org.urbancooperation.matching.schedule.application.ScheduleService;
import org.urbancooperation.matching.schedule.persistence.MongoScheduleReleaseRepository;
import org.urbancooperation.matching.schedule.persistence.RepositorySchedulingInputs;
import org.urbancooperation.matching.schedule.persistence.ScheduledMeetingsFromMeetings;
import org.urbancooperation.support.application.RecurringSweep;
import org.urbancooperation.support.mongo.AggregateStores;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires matching events' schedules (preview and releases) and the meetings they create, with their closing. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    MeetingRepository meetingRepository(AggregateStores stores) {
        return new MongoMeetingRepository(stores);
    }

    @Bean(destroyMethod = "close")
    MeetingGauges meetingGauges(MeetingRepository meetings, MeterRegistry meters,
            @Value("${ucp.metrics.meetings-interval:30s}") Duration interval) {
        return new MeetingGauges(meetings, meters, interval);
    }

    @Bean
    MeetingService meetingService(MeetingRepository meetings, KnownPartnerships partnerships, MongoDatabase database,
            MeetingGauges gauges, Clock clock,
            @Value("${ucp.matching.meeting-close-after:24h}") Duration closeAfter) {
        return new MeetingService(meetings, new MongoMeetingDirectory(partnerships, database), gauges, clock,
                closeAfter);
    }

    /** Meetings nobody closed become no-shows (or stay held) at most one interval after closeAfter. */
    @Bean(destroyMethod = "close")
    RecurringSweep meetingClosing(MeetingService meetings,
            @Value("${ucp.matching.meeting-close-interval:5m}") Duration interval) {
        return new RecurringSweep("meeting-closing", interval, meetings::closeEnded, "meetings closed");
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
            ScheduleReleaseRepository releases, MeetingRepository meetings, MeetingGauges gauges, ScheduleMetrics metrics,
            Clock clock) {
        return new ScheduleService(new RepositorySchedulingInputs(matchingEvents, partnerships, participants, matches,
                database), releases, new ScheduledMeetingsFromMeetings(meetings, gauges, clock), metrics, clock);
    }
}
