package org.urbancooperation.matching.opportunity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityEvent;
import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.shared.domain.Countries;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.Caller;

/**
 * The opportunity use cases. A business drafts, changes, publishes, renews and withdraws its own opportunities;
 * operators any (and withdraw abusive content with a reason). Every caller with an identity reads published ones;
 * drafts, expired and withdrawn ones only their business and operators (404 for everybody else).
 */
public class OpportunityService {

    private static final String RESOURCE = "Opportunity";

    private final OpportunityRepository opportunities;
    private final KnownBusinesses businesses;
    private final Clock clock;

    public OpportunityService(OpportunityRepository opportunities, KnownBusinesses businesses, Clock clock) {
        this.opportunities = opportunities;
        this.businesses = businesses;
        this.clock = clock;
    }

    /**
     * @param businessId whose it is: a business drafts only its own (it may leave this out); operators name one
     */
    public Versioned<Opportunity> draft(Caller caller, String businessId, Opportunity.Input input) {
        Access.requireRole(caller, Role.OPERATOR, Role.BUSINESS);
        String owner = caller.isOperator() ? Require.slug("businessId", businessId, "hydrogen-koriyama")
                : caller.businessId().orElseThrow();
        if (!caller.isOperator() && businessId != null && !businessId.equals(owner)) {
            throw new AccessDeniedException("A business drafts opportunities only for itself");
        }
        ResultWithEvents<Opportunity, OpportunityEvent> drafted = Opportunity.draft(UUID.randomUUID(), owner, input,
                clock.instant());
        if (!businesses.hasProfile(owner)) {
            throw new UnknownReferenceException("businessId", "Business " + owner
                    + " has no profile; register it at /api/v1/matching/profiles/" + owner + " first");
        }
        return opportunities.insert(drafted);
    }

    public Versioned<Opportunity> get(Caller caller, UUID id) {
        Access.requireAuthenticated(caller);
        Versioned<Opportunity> found = find(id);
        if (!found.aggregate().isPublished() && !isOwnerOrOperator(caller, found.aggregate())) {
            throw new NotFoundException(RESOURCE, id);
        }
        return found;
    }

    /** Filters as the query gives them (null for any); a bad value is refused naming its parameter. */
    public Page<Versioned<Opportunity>> list(Caller caller, String businessId, String status, String type,
            String sector, String subsector, String keyword, String targetCountry, PageRequest request) {
        Access.requireAuthenticated(caller);
        String checkedBusiness = businessId == null ? null : Require.slug("businessId", businessId, "hydrogen-koriyama");
        OpportunityStatus checkedStatus = status == null ? null : parse("status", status, OpportunityStatus.class);
        OpportunityType checkedType = type == null ? null : parse("type", type, OpportunityType.class);
        Sector checkedSector = sector == null ? null : Sector.parse("sector", sector);
        Subsector checkedSubsector = subsector == null ? null : Subsector.parse("subsector", subsector);
        String checkedKeyword = keyword == null ? null
                : Require.visibleText("keyword", keyword, Opportunity.MAX_KEYWORD).toLowerCase(Locale.ROOT);
        String checkedCountry = targetCountry == null ? null : Countries.code("targetCountry", targetCountry);
        String visibleTo = caller.isOperator() ? null : caller.businessId().orElse(null);
        boolean publishedOnly = !caller.isOperator() && visibleTo == null;
        return opportunities.page(new OpportunityFilter(visibleTo, publishedOnly, checkedBusiness, checkedStatus,
                checkedType, checkedSector, checkedSubsector, checkedKeyword, checkedCountry), request);
    }

    public Versioned<Opportunity> revise(Caller caller, UUID id, Opportunity.Input input, ExpectedVersion expected) {
        Versioned<Opportunity> current = findForChange(caller, id, expected);
        return store(current, current.aggregate().revise(input, clock.instant()), expected);
    }

    public Versioned<Opportunity> publish(Caller caller, UUID id, ExpectedVersion expected) {
        Versioned<Opportunity> current = findForChange(caller, id, expected);
        return store(current, current.aggregate().publish(clock.instant()), expected);
    }

    public Versioned<Opportunity> renew(Caller caller, UUID id, Instant validUntil, ExpectedVersion expected) {
        Versioned<Opportunity> current = findForChange(caller, id, expected);
        return store(current, current.aggregate().renew(validUntil, clock.instant()), expected);
    }

    public Versioned<Opportunity> withdraw(Caller caller, UUID id, String reason, ExpectedVersion expected) {
        Versioned<Opportunity> current = findForChange(caller, id, expected);
        return store(current, current.aggregate().withdraw(reason), expected);
    }

    /**
     * Expires every published opportunity whose validUntil has come, a batch at a time; one changed meanwhile is
     * left for the next round (it is read again then).
     *
     * @return how many expired
     */
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        while (true) {
            List<Versioned<Opportunity>> due = opportunities.dueForExpiry(now, 100);
            int before = expired;
            for (Versioned<Opportunity> o : due) {
                ResultWithEvents<Opportunity, OpportunityEvent> result = o.aggregate().expireIfDue(now);
                if (result.events().isEmpty()) {
                    continue;
                }
                try {
                    opportunities.update(result, o.version(), ExpectedVersion.any());
                    expired++;
                } catch (ConcurrentModificationConflict e) {
                    // Renewed or withdrawn at this very moment: the next round decides on what it is then.
                }
            }
            if (due.size() < 100 || expired == before) {
                return expired;
            }
        }
    }

    private Versioned<Opportunity> store(Versioned<Opportunity> current,
            ResultWithEvents<Opportunity, OpportunityEvent> changed, ExpectedVersion expected) {
        if (changed.aggregate().equals(current.aggregate())) {
            return current;
        }
        return opportunities.update(changed, current.version(), expected);
    }

    /** 404 for what the caller may not even see; 403 for another business's published opportunity. */
    private Versioned<Opportunity> findForChange(Caller caller, UUID id, ExpectedVersion expected) {
        Access.requireAuthenticated(caller);
        Versioned<Opportunity> found = get(caller, id);
        if (!isOwnerOrOperator(caller, found.aggregate())) {
            throw new AccessDeniedException("Opportunity " + id + " belongs to another business");
        }
        expected.check(RESOURCE + " " + id, found.version());
        return found;
    }

    private Versioned<Opportunity> find(UUID id) {
        return opportunities.find(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
    }

    private static boolean isOwnerOrOperator(Caller caller, Opportunity o) {
        return caller.isOperator() || caller.businessId().filter(o.businessId()::equals).isPresent();
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, field + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
