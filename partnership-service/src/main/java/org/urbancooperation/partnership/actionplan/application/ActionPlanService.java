package org.urbancooperation.partnership.actionplan.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.partnership.actionplan.domain.Action;
import org.urbancooperation.partnership.actionplan.domain.ActionEvent;
import org.urbancooperation.partnership.actionplan.domain.ActionFormat;
import org.urbancooperation.partnership.actionplan.domain.ActionStatus;
import org.urbancooperation.partnership.actionplan.domain.Actor;
import org.urbancooperation.partnership.actionplan.domain.FocalPoint;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/**
 * The action plan use cases: focal points and actions of a partnership. Reading follows the partnership's rules
 * (operators and member organisations' staff always; everybody else while it is active, otherwise it does not
 * exist for them: 404); changing is for operators and member organisations' partner staff (403 for others, 401
 * without identity).
 */
public class ActionPlanService {

    private final PartnershipDirectory partnerships;
    private final FocalPointRepository focalPoints;
    private final ActionRepository actions;
    private final Clock clock;

    public ActionPlanService(PartnershipDirectory partnerships, FocalPointRepository focalPoints,
            ActionRepository actions, Clock clock) {
        this.partnerships = partnerships;
        this.focalPoints = focalPoints;
        this.actions = actions;
        this.clock = clock;
    }

    // Focal points

    public List<Versioned<FocalPoint>> focalPoints(Caller caller, UUID partnershipId) {
        readable(caller, partnershipId);
        return focalPoints.ofPartnership(partnershipId);
    }

    public Versioned<FocalPoint> focalPoint(Caller caller, UUID partnershipId, UUID focalPointId) {
        readable(caller, partnershipId);
        return focalPointOf(partnershipId, focalPointId);
    }

    public Versioned<FocalPoint> defineFocalPoint(Caller caller, UUID partnershipId, Integer number,
            Map<String, String> title, String description) {
        changeable(caller, partnershipId);
        FocalPoint defined = FocalPoint.define(UUID.randomUUID(), partnershipId, number, title, description);
        requireFreeNumber(defined);
        return focalPoints.insert(defined);
    }

    public Versioned<FocalPoint> changeFocalPoint(Caller caller, UUID partnershipId, UUID focalPointId,
            Integer number, Map<String, String> title, String description, ExpectedVersion expected) {
        changeable(caller, partnershipId);
        Versioned<FocalPoint> current = focalPointOf(partnershipId, focalPointId);
        expected.check("Focal point " + focalPointId, current.version());
        FocalPoint changed = current.aggregate().change(number, title, description);
        if (changed.number() != current.aggregate().number()) {
            requireFreeNumber(changed);
        }
        return focalPoints.update(changed, current.version(), expected);
    }

    // Actions

    public Page<Versioned<Action>> actions(Caller caller, UUID partnershipId, ActionStatus status,
            UUID focalPointId, PageRequest page) {
        readable(caller, partnershipId);
        return actions.page(partnershipId, status, focalPointId, page);
    }

    public Versioned<Action> action(Caller caller, UUID partnershipId, UUID actionId) {
        readable(caller, partnershipId);
        return actionOf(partnershipId, actionId);
    }

    public Versioned<Action> plan(Caller caller, UUID partnershipId, Action.Plan plan) {
        changeable(caller, partnershipId);
        ResultWithEvents<Action, ActionEvent> planned = Action.plan(UUID.randomUUID(), partnershipId, plan,
                actor(caller), clock.instant());
        requireFocalPoint(partnershipId, planned.aggregate().focalPointId());
        return actions.insert(planned);
    }

    public Versioned<Action> edit(Caller caller, UUID partnershipId, UUID actionId, Action.Edit edit,
            ExpectedVersion expected) {
        changeable(caller, partnershipId);
        Versioned<Action> current = actionOf(partnershipId, actionId);
        expected.check("Action " + actionId, current.version());
        Action edited = current.aggregate().edit(edit, actor(caller), clock.instant());
        if (edited == current.aggregate()) {
            return current;
        }
        if (!edited.focalPointId().equals(current.aggregate().focalPointId())) {
            requireFocalPoint(partnershipId, edited.focalPointId());
        }
        return actions.update(new ResultWithEvents<>(edited, List.of()), current.version(), expected);
    }

    public Versioned<Action> moveTo(Caller caller, UUID partnershipId, UUID actionId, ActionStatus status,
            String reason, String plannedFrom, String plannedTo, ExpectedVersion expected) {
        changeable(caller, partnershipId);
        Versioned<Action> current = actionOf(partnershipId, actionId);
        expected.check("Action " + actionId, current.version());
        return actions.update(current.aggregate().moveTo(status, reason, plannedFrom, plannedTo, actor(caller),
                clock.instant()), current.version(), expected);
    }

    public Versioned<Action> changeFormat(Caller caller, UUID partnershipId, UUID actionId, ActionFormat format,
            String reason, ExpectedVersion expected) {
        changeable(caller, partnershipId);
        Versioned<Action> current = actionOf(partnershipId, actionId);
        expected.check("Action " + actionId, current.version());
        return actions.update(current.aggregate().changeFormat(format, reason, actor(caller), clock.instant()),
                current.version(), expected);
    }

    // Rules

    private PartnershipFacts readable(Caller caller, UUID partnershipId) {
        PartnershipFacts partnership = partnerships.find(partnershipId)
                .orElseThrow(() -> new NotFoundException("Partnership", partnershipId));
        if (!partnership.active() && !isOperatorOrMember(caller, partnership)) {
            // Like the partnership itself: one that is not active does not exist for outsiders.
            throw new NotFoundException("Partnership", partnershipId);
        }
        return partnership;
    }

    private PartnershipFacts changeable(Caller caller, UUID partnershipId) {
        Access.requireAuthenticated(caller);
        PartnershipFacts partnership = readable(caller, partnershipId);
        Access.requireOperatorOrMemberOf(caller, partnership.partnerOrganisations(), "Partnership " + partnershipId);
        return partnership;
    }

    private static boolean isOperatorOrMember(Caller caller, PartnershipFacts partnership) {
        return caller.isOperator() || caller.organisationId().filter(partnership.partnerOrganisations()::contains)
                .isPresent();
    }

    private Versioned<FocalPoint> focalPointOf(UUID partnershipId, UUID focalPointId) {
        return focalPoints.find(focalPointId).filter(f -> f.aggregate().partnershipId().equals(partnershipId))
                .orElseThrow(() -> new NotFoundException("Focal point", focalPointId));
    }

    private Versioned<Action> actionOf(UUID partnershipId, UUID actionId) {
        return actions.find(actionId).filter(a -> a.aggregate().partnershipId().equals(partnershipId))
                .orElseThrow(() -> new NotFoundException("Action", actionId));
    }

    private void requireFocalPoint(UUID partnershipId, UUID focalPointId) {
        if (focalPoints.find(focalPointId).filter(f -> f.aggregate().partnershipId().equals(partnershipId))
                .isEmpty()) {
            throw new UnknownReferenceException("focalPointId", "Focal point " + focalPointId
                    + " is not one of this partnership's focal points");
        }
    }

    private void requireFreeNumber(FocalPoint focalPoint) {
        boolean taken = focalPoints.ofPartnership(focalPoint.partnershipId()).stream()
                .anyMatch(f -> f.aggregate().number() == focalPoint.number() && !f.aggregate().id().equals(focalPoint.id()));
        if (taken) {
            throw new InvalidValueException("number", "focal point " + focalPoint.number()
                    + " exists already in this partnership");
        }
    }

    private static Actor actor(Caller caller) {
        CallerIdentity identity = caller.identity().orElseThrow();
        return new Actor(identity.subject(), identity.organisationId());
    }
}
