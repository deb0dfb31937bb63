package org.urbancooperation.partnership.actionplan.persistence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.partnership.actionplan.application.ActionRepository;
import org.urbancooperation.partnership.actionplan.domain.Action;
import org.urbancooperation.partnership.actionplan.domain.ActionEvent;
import org.urbancooperation.partnership.actionplan.domain.ActionFormat;
import org.urbancooperation.partnership.actionplan.domain.ActionStatus;
import org.urbancooperation.partnership.actionplan.domain.Actor;
import org.urbancooperation.partnership.actionplan.domain.HistoryEntry;
import org.urbancooperation.partnership.actionplan.domain.PlannedPeriod;
import org.urbancooperation.partnership.actionplan.domain.PlannedWindow;
import org.urbancooperation.partnership.actionplan.messaging.ActionIntegrationEvents;
import org.urbancooperation.support.mongo.LocalizedTexts;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

/**
 * Actions in the {@code actions} collection, one document each with its history and its outbox. Besides the
 * window as given ({@code plannedFrom}, {@code plannedTo}), each document keeps {@code plannedUntil}, the window's
 * last day as {@code YYYY-MM-DD}, so that overdue actions are counted by one query (ISO dates sort as text).
 */
public class MongoActionRepository implements ActionRepository {

    private final AggregateStore<Action> store;

    public MongoActionRepository(AggregateStores stores) {
        this.store = stores.create("actions", "Action", new Mapper());
        // For a partnership's list and the gauges; mongo-java-server ignores non-unique indexes, MongoDB uses them.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("partnershipId", "_id")),
                new IndexModel(Indexes.ascending("status", "plannedUntil"))));
    }

    @Override
    public Optional<Versioned<Action>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public Versioned<Action> insert(ResultWithEvents<Action, ActionEvent> planned) {
        return store.insert(planned.aggregate(), ActionIntegrationEvents.of(planned.events()));
    }

    @Override
    public Versioned<Action> update(ResultWithEvents<Action, ActionEvent> changed, long readVersion,
            ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected, ActionIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<Action>> page(UUID partnershipId, ActionStatus status, UUID focalPointId,
            PageRequest request) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("partnershipId", partnershipId.toString()));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (focalPointId != null) {
            filters.add(Filters.eq("focalPointId", focalPointId.toString()));
        }
        return store.page(AggregateStore.allOf(filters), request);
    }

    @Override
    public Map<ActionStatus, Long> countByStatus() {
        Map<ActionStatus, Long> counts = new EnumMap<>(ActionStatus.class);
        for (ActionStatus status : ActionStatus.values()) {
            counts.put(status, 0L);
        }
        store.collection().aggregate(List.of(Aggregates.group("$status", Accumulators.sum("count", 1))))
                .forEach(d -> {
                    Object status = d.get("_id");
                    if (status instanceof String name) {
                        try {
                            counts.put(ActionStatus.valueOf(name), ((Number) d.get("count")).longValue());
                        } catch (IllegalArgumentException unknown) {
                            // a status of a later version: not counted by this one
                        }
                    }
                });
        return counts;
    }

    @Override
    public long countOverdue(LocalDate today) {
        return store.collection().countDocuments(Filters.and(
                Filters.in("status", ActionStatus.PLANNED.name(), ActionStatus.UNDERWAY.name(),
                        ActionStatus.POSTPONED.name()),
                Filters.lt("plannedUntil", today.toString())));
    }

    static final class Mapper implements AggregateDocumentMapper<Action> {

        @Override
        public String id(Action a) {
            return a.id().toString();
        }

        @Override
        public Document toDocument(Action a) {
            // Every field, null ones too: the store $sets the state, so an absent field would keep its old value.
            return new Document("partnershipId", a.partnershipId().toString())
                    .append("focalPointId", a.focalPointId().toString())
                    .append("title", LocalizedTexts.document(a.title()))
                    .append("theme", a.theme())
                    .append("network", a.network())
                    .append("leadOrganisationId", a.leadOrganisationId())
                    .append("partnerOrganisationIds", a.partnerOrganisationIds())
                    .append("plannedFrom", a.window() == null ? null : a.window().from().text())
                    .append("plannedTo", a.window() == null || a.window().to() == null ? null : a.window().to().text())
                    .append("plannedUntil", a.window() == null ? null : a.window().lastDay().toString())
                    .append("format", a.format() == null ? null : a.format().name())
                    .append("status", a.status().name())
                    .append("history", a.history().stream().map(Mapper::entry).toList());
        }

        @Override
        public Action fromDocument(Document d) {
            return new Action(UUID.fromString(d.getString("_id")), UUID.fromString(d.getString("partnershipId")),
                    UUID.fromString(d.getString("focalPointId")),
                    LocalizedTexts.text(d.get("title", Document.class)), d.getString("theme"),
                    d.getString("network"), d.getString("leadOrganisationId"),
                    d.getList("partnerOrganisationIds", String.class, List.of()),
                    window(d.getString("plannedFrom"), d.getString("plannedTo")),
                    d.getString("format") == null ? null : ActionFormat.valueOf(d.getString("format")),
                    ActionStatus.valueOf(d.getString("status")),
                    d.getList("history", Document.class, List.of()).stream().map(Mapper::entry).toList());
        }

        private static Document entry(HistoryEntry e) {
            return new Document("kind", e.kind().name())
                    .append("from", e.from())
                    .append("to", e.to())
                    .append("reason", e.reason())
                    .append("plannedFrom", e.window() == null ? null : e.window().from().text())
                    .append("plannedTo", e.window() == null || e.window().to() == null ? null
                            : e.window().to().text())
                    .append("changedFields", e.changedFields())
                    .append("bySubject", e.by().subject())
                    .append("byOrganisationId", e.by().organisationId())
                    .append("at", Date.from(e.at()));
        }

        private static HistoryEntry entry(Document d) {
            return new HistoryEntry(HistoryEntry.Kind.valueOf(d.getString("kind")), d.getString("from"),
                    d.getString("to"), d.getString("reason"), window(d.getString("plannedFrom"),
                            d.getString("plannedTo")),
                    d.getList("changedFields", String.class, List.of()),
                    new Actor(d.getString("bySubject"), d.getString("byOrganisationId")), d.getDate("at").toInstant());
        }

        /** Stored ends are read back without the input rules (a stricter rule never makes stored actions unreadable). */
        private static PlannedWindow window(String from, String to) {
            return from == null ? null : new PlannedWindow(period(from), to == null ? null : period(to));
        }

        private static PlannedPeriod period(String text) {
            return text.length() == 7 ? PlannedPeriod.month(YearMonth.parse(text)) : PlannedPeriod.day(LocalDate.parse(text));
        }
    }
}
