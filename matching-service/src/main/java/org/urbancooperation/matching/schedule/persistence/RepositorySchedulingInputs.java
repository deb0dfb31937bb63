package org.urbancooperation.matching.schedule.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.bson.Document;
import org.urbancooperation.matching.match.application.MatchFilter;
import org.urbancooperation.matching.match.application.MatchRepository;
import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.match.domain.MatchStatus;
import org.urbancooperation.matching.matchingevent.application.MatchingEventRepository;
import org.urbancooperation.matching.matchingevent.application.ParticipantRepository;
import org.urbancooperation.matching.matchingevent.application.PartnershipDirectory;
import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.Participant;
import org.urbancooperation.matching.profile.persistence.MongoBusinessProfileRepository;
import org.urbancooperation.matching.schedule.application.SchedulingInputs;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** The scheduler's inputs from the repositories of the features that own them, and profiles' languages and zone. */
public class RepositorySchedulingInputs implements SchedulingInputs {

    private final MatchingEventRepository matchingEvents;
    private final PartnershipDirectory partnerships;
    private final ParticipantRepository participants;
    private final MatchRepository matches;
    private final MongoCollection<Document> profiles;

    public RepositorySchedulingInputs(MatchingEventRepository matchingEvents, PartnershipDirectory partnerships,
            ParticipantRepository participants, MatchRepository matches, MongoDatabase database) {
        this.matchingEvents = matchingEvents;
        this.partnerships = partnerships;
        this.participants = participants;
        this.matches = matches;
        this.profiles = database.getCollection(MongoBusinessProfileRepository.COLLECTION);
    }

    @Override
    public Optional<MatchingEvent> matchingEvent(UUID id) {
        return matchingEvents.find(id).map(Versioned::aggregate);
    }

    @Override
    public List<String> organisersOf(UUID partnershipId) {
        return partnerships.partnerOrganisationsOf(partnershipId).orElse(List.of());
    }

    @Override
    public List<Participant> participantsOf(UUID matchingEventId) {
        return all(request -> participants.page(matchingEventId, null, request));
    }

    @Override
    public boolean takesPart(UUID matchingEventId, String businessId) {
        return participants.find(matchingEventId, businessId).isPresent();
    }

    @Override
    public List<Match> confirmedMatchesOf(UUID matchingEventId) {
        return all(request -> matches.page(new MatchFilter(null, null, MatchStatus.CONFIRMED, null, matchingEventId),
                request));
    }

    @Override
    public Map<String, ProfileFacts> profilesOf(Collection<String> businessIds) {
        Map<String, ProfileFacts> facts = new HashMap<>();
        profiles.find(Filters.in("_id", businessIds))
                .projection(new Document("languages", 1).append("timeZone", 1))
                .forEach(p -> facts.put(p.getString("_id"), new ProfileFacts(p.getList("languages", String.class),
                        p.getString("timeZone"))));
        return facts;
    }

    /** Every page of a keyset-paged list, in id order. */
    private static <A> List<A> all(Function<PageRequest, Page<Versioned<A>>> pages) {
        List<A> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Versioned<A>> page = pages.apply(request);
            page.items().forEach(v -> all.add(v.aggregate()));
            if (page.next() == null) {
                return all;
            }
            request = PageRequest.of(page.next(), PageRequest.MAX_LIMIT);
        }
    }
}
