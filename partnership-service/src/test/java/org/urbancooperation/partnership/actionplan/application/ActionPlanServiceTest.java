package org.urbancooperation.partnership.actionplan.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.partnership.actionplan.domain.Action;
import org.urbancooperation.partnership.actionplan.domain.ActionStatus;
import org.urbancooperation.partnership.actionplan.persistence.MongoActionRepository;
import org.urbancooperation.partnership.actionplan.persistence.MongoFocalPointRepository;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxProperties;
import org.urbancooperation.support.outbox.OutboxRelay;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.AuthenticationRequiredException;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.testing.InMemoryMongo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The read and change rules of the action plan, also for partnerships that are not active (which the partnership
 * feature does not have yet, so the API tests cannot reach them).
 */
class ActionPlanServiceTest {

    static final Caller OPERATOR = Caller.of(CallerIdentity.operator("secretariat", "jwt"));
    static final Caller ESSEN = Caller.of(CallerIdentity.partner("essen", "city-of-essen", "jwt"));
    static final Caller DUESSELDORF = Caller.of(CallerIdentity.partner("duesseldorf", "city-of-duesseldorf", "jwt"));
    static final Caller HYDROGEN = Caller.of(CallerIdentity.business("hydrogen-koriyama", "hydrogen-koriyama", "jwt"));
    static final Caller ANONYMOUS = Caller.anonymous();

    final Map<UUID, PartnershipFacts> partnerships = new HashMap<>();
    final Clock clock = Clock.fixed(Instant.parse("2020-10-13T07:00:00Z"), ZoneOffset.UTC);
    ActionPlanService service;

    @BeforeEach
    void setUp() {
        OutboxRelay relay = new OutboxRelay(null, new OutboxProperties(Duration.ofSeconds(5), Duration.ofSeconds(60),
                200, Duration.ofSeconds(1), false, null), clock, new SimpleMeterRegistry());
        AggregateStores stores = new AggregateStores(InMemoryMongo.freshDatabase(),
                new OutboxEntries(new IntegrationEventMapper(), "partnership-service", clock), relay);
        PartnershipDirectory directory = id -> Optional.ofNullable(partnerships.get(id));
        service = new ActionPlanService(directory, new MongoFocalPointRepository(stores),
                new MongoActionRepository(stores), clock);
    }

    UUID partnership(boolean active) {
        UUID id = UUID.randomUUID();
        partnerships.put(id, new PartnershipFacts(id, List.of("city-of-essen", "city-of-koriyama"), active));
        return id;
    }

    UUID actionIn(UUID partnership) {
        UUID focalPoint = service.defineFocalPoint(OPERATOR, partnership, 3, Map.of("en", "Academic internship & "
                + "student exchange programs"), null).aggregate().id();
        return service.plan(OPERATOR, partnership, new Action.Plan(focalPoint, Map.of("en", "Internship programme"),
                "education", null, null, List.of(), "2020-06", "2020-08", null)).aggregate().id();
    }

    @Test
    void anActivePartnershipsPlanIsReadByEverybodyAndChangedByMembersOnly() {
        UUID p = partnership(true);
        UUID action = actionIn(p);
        for (Caller reader : List.of(OPERATOR, ESSEN, DUESSELDORF, HYDROGEN, ANONYMOUS)) {
            assertThat(service.action(reader, p, action).aggregate().id()).isEqualTo(action);
            assertThat(service.actions(reader, p, null, null, PageRequest.first(10)).items()).hasSize(1);
            assertThat(service.focalPoints(reader, p)).hasSize(1);
        }
        assertThatThrownBy(() -> start(DUESSELDORF, p, action)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> start(HYDROGEN, p, action)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> start(ANONYMOUS, p, action)).isInstanceOf(AuthenticationRequiredException.class);
        assertThat(start(ESSEN, p, action).aggregate().status()).isEqualTo(ActionStatus.UNDERWAY);
    }

    @Test
    void aPartnershipThatIsNotActiveDoesNotExistForOutsiders() {
        UUID p = partnership(false);
        UUID action = actionIn(p);
        assertThat(service.action(ESSEN, p, action).aggregate().id()).isEqualTo(action);
        assertThat(service.action(OPERATOR, p, action).aggregate().id()).isEqualTo(action);
        for (Caller outsider : List.of(DUESSELDORF, HYDROGEN, ANONYMOUS)) {
            assertThatThrownBy(() -> service.action(outsider, p, action)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.focalPoints(outsider, p)).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> start(DUESSELDORF, p, action)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> start(ANONYMOUS, p, action)).isInstanceOf(AuthenticationRequiredException.class);
    }

    @Test
    void anActionIsFoundOnlyUnderItsOwnPartnershipAndPlannedOnlyUnderItsFocalPoints() {
        UUID p = partnership(true);
        UUID other = partnership(true);
        UUID action = actionIn(p);
        assertThatThrownBy(() -> service.action(OPERATOR, other, action)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> start(OPERATOR, other, action)).isInstanceOf(NotFoundException.class);
        UUID othersFocalPoint = service.defineFocalPoint(OPERATOR, other, 1, Map.of("en", "Elsewhere"), null)
                .aggregate().id();
        assertThatThrownBy(() -> service.plan(ESSEN, p, new Action.Plan(othersFocalPoint, Map.of("en", "x"),
                "education", null, null, null, null, null, null))).isInstanceOfSatisfying(
                        UnknownReferenceException.class, e -> assertThat(e.field()).isEqualTo("focalPointId"));
        assertThatThrownBy(() -> service.action(OPERATOR, UUID.randomUUID(), action))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theHistoryNamesTheCallerAndTheClocksTime() {
        UUID p = partnership(true);
        UUID action = actionIn(p);
        Action moved = start(ESSEN, p, action).aggregate();
        assertThat(moved.history().get(1).by().subject()).isEqualTo("essen");
        assertThat(moved.history().get(1).by().organisationId()).isEqualTo("city-of-essen");
        assertThat(moved.history().get(1).at()).isEqualTo(clock.instant());
        assertThat(moved.history().get(0).by().organisationId()).isNull();
    }

    private org.urbancooperation.support.application.Versioned<Action> start(Caller caller, UUID p, UUID action) {
        return service.moveTo(caller, p, action, ActionStatus.UNDERWAY, null, null, null, ExpectedVersion.any());
    }
}
