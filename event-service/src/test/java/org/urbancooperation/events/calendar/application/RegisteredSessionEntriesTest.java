package org.urbancooperation.events.calendar.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.BRUSSELS;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.draft;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.publish;
import static org.urbancooperation.events.calendar.domain.CalendarFixtures.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.events.calendar.domain.CalendarEntry;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.security.Caller;

/**
 * The personal feed's session source over registrations as the registration feature will answer them (that feature
 * is not in this branch, so they are given here as data).
 */
class RegisteredSessionEntriesTest {

    final UUID opening = UUID.randomUUID();
    final UUID panel = UUID.randomUUID();
    final CooperationEvent published = publish(draft(BRUSSELS, "2023-01-25T08:00:00Z", "2023-01-26T11:00:00Z"),
            Instant.parse("2023-01-10T00:00:00Z"),
            session(opening, "Opening remarks", "2023-01-25T08:00:00Z", "2023-01-25T08:15:00Z"),
            session(panel, "Panel 1", "2023-01-25T08:45:00Z", "2023-01-25T09:40:00Z"));
    final CooperationEvent stillDraft = draft(BRUSSELS, "2023-01-25T08:00:00Z", "2023-01-26T11:00:00Z");
    final Map<UUID, CooperationEvent> stored = Map.of(published.id(), published, stillDraft.id(), stillDraft);

    final CalendarEvents events = new CalendarEvents() {
        @Override
        public Versioned<CooperationEvent> visibleTo(Caller caller, UUID eventId) {
            throw new UnsupportedOperationException("personal feeds read no caller's view");
        }

        @Override
        public Optional<Versioned<CooperationEvent>> find(UUID eventId) {
            return Optional.ofNullable(stored.get(eventId)).map(e -> new Versioned<>(e, 3));
        }
    };

    @Test
    void chosenSessionsOnlyTheWholeEventForAWholeEventRegistrationAndNothingOfDraftsOrUnknownEvents() {
        RegisteredSessionEntries entries = new RegisteredSessionEntries(participant -> switch (participant) {
            case "one-session" -> List.of(new SessionRegistrations.Registered(published.id(), Set.of(panel)));
            case "whole-event" -> List.of(new SessionRegistrations.Registered(published.id(), Set.of()));
            default -> List.of(new SessionRegistrations.Registered(stillDraft.id(), Set.of()),
                    new SessionRegistrations.Registered(UUID.randomUUID(), Set.of()));
        }, events);

        assertThat(entries.entriesOf(feedOf("one-session"))).extracting(CalendarEntry::uid)
                .containsExactly(panel + "@urban-cooperation");
        assertThat(entries.entriesOf(feedOf("whole-event"))).extracting(CalendarEntry::uid)
                .containsExactly(opening + "@urban-cooperation", panel + "@urban-cooperation");
        assertThat(entries.entriesOf(feedOf("others"))).isEmpty();
    }

    private static FeedTokens.Feed feedOf(String participant) {
        return new FeedTokens.Feed(participant, null, java.time.Instant.EPOCH);
    }
}
