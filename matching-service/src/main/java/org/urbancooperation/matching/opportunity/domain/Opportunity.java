package org.urbancooperation.matching.opportunity.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.urbancooperation.matching.shared.domain.Countries;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.SectorChoice;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

/**
 * A partnering opportunity of one business (the Enterprise Europe Network's offers and requests): what it offers or
 * looks for, in which sectors, with which keywords, which cooperation it seeks and where. Draft until published;
 * published until it expires by itself at {@code validUntil} or is withdrawn (by its business, or by an operator
 * with a reason); an expired one may be renewed. Immutable: each command returns the new state and its events.
 *
 * @param referenceCode a short code people quote (UCP-TO-1A2B3C4D), derived from the type and id
 * @param withdrawalReason why it was withdrawn; null unless withdrawn with a reason
 */
public record Opportunity(
        UUID id,
        String businessId,
        OpportunityType type,
        LocalizedText title,
        LocalizedText summary,
        List<Sector> sectors,
        List<Subsector> subsectors,
        List<String> keywords,
        List<CooperationType> cooperationTypes,
        List<String> targetCountries,
        String referenceCode,
        Instant validUntil,
        OpportunityStatus status,
        String withdrawalReason) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 4000;
    public static final int MAX_KEYWORDS = 20;
    public static final int MAX_KEYWORD = 50;
    public static final int MAX_TARGET_COUNTRIES = 50;
    public static final int MAX_REASON = 500;
    /** As the Enterprise Europe Network: an opportunity is valid for at most a year, and may be renewed. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(366);

    public Opportunity {
        Require.present("id", id);
        Require.slugShape("businessId", businessId);
        Require.present("type", type);
        Require.present("title", title);
        Require.present("summary", summary);
        sectors = List.copyOf(Require.present("sectors", sectors));
        subsectors = List.copyOf(Require.present("subsectors", subsectors));
        keywords = List.copyOf(Require.present("keywords", keywords));
        cooperationTypes = List.copyOf(Require.present("cooperationTypes", cooperationTypes));
        targetCountries = List.copyOf(Require.present("targetCountries", targetCountries));
        Require.text("referenceCode", referenceCode, 40);
        validUntil = Require.present("validUntil", validUntil).truncatedTo(ChronoUnit.MILLIS);
        Require.present("status", status);
    }

    /** What a request says about an opportunity's content; the domain checks all of it. */
    public record Input(OpportunityType type, Map<String, String> title, Map<String, String> summary,
            List<Sector> sectors, List<Subsector> subsectors, List<String> keywords,
            List<CooperationType> cooperationTypes, List<String> targetCountries, Instant validUntil) {
    }

    /** A new draft of {@code businessId}; nothing is published until {@link #publish}. */
    public static ResultWithEvents<Opportunity, OpportunityEvent> draft(UUID id, String businessId, Input input,
            Instant now) {
        Require.slug("businessId", businessId, "hydrogen-koriyama");
        return ResultWithEvents.of(fromInput(id, businessId, input, now, OpportunityStatus.DRAFT, null));
    }

    /**
     * Replaces the content of a draft or a published opportunity, all but its type (given or not, it stays); the same
     * content raises nothing.
     */
    public ResultWithEvents<Opportunity, OpportunityEvent> revise(Input input, Instant now) {
        if (status != OpportunityStatus.DRAFT && status != OpportunityStatus.PUBLISHED) {
            throw new RuleViolationException("An opportunity that is " + status + " cannot be changed"
                    + (status == OpportunityStatus.EXPIRED ? "; renew it first" : ""));
        }
        Require.present("body", input);
        // The type stays what it was drafted as: an offer does not turn into a request.
        Opportunity.Input sameType = new Opportunity.Input(type, input.title(), input.summary(), input.sectors(),
                input.subsectors(), input.keywords(), input.cooperationTypes(), input.targetCountries(),
                input.validUntil());
        Opportunity revised = fromInput(id, businessId, sameType, now, status, null);
        if (revised.equals(this)) {
            return ResultWithEvents.of(this);
        }
        return status == OpportunityStatus.PUBLISHED ? ResultWithEvents.of(revised, new OpportunityEvent.Changed(revised))
                : ResultWithEvents.of(revised);
    }

    public ResultWithEvents<Opportunity, OpportunityEvent> publish(Instant now) {
        if (status == OpportunityStatus.PUBLISHED) {
            return ResultWithEvents.of(this);
        }
        if (status != OpportunityStatus.DRAFT) {
            throw new RuleViolationException("Only a draft is published; this opportunity is " + status
                    + (status == OpportunityStatus.EXPIRED ? " (renew it instead)" : ""));
        }
        if (!validUntil.isAfter(now)) {
            throw new InvalidValueException("validUntil", "validUntil has passed; change it before publishing");
        }
        Opportunity published = with(OpportunityStatus.PUBLISHED, validUntil, null);
        return ResultWithEvents.of(published, new OpportunityEvent.Published(published));
    }

    /** A new validity: an expired opportunity is published again, a draft stays a draft. */
    public ResultWithEvents<Opportunity, OpportunityEvent> renew(Instant newValidUntil, Instant now) {
        Instant until = validity("validUntil", newValidUntil, now);
        if (status == OpportunityStatus.PUBLISHED) {
            Opportunity renewed = with(status, until, null);
            return renewed.equals(this) ? ResultWithEvents.of(this)
                    : ResultWithEvents.of(renewed, new OpportunityEvent.Changed(renewed));
        }
        if (status == OpportunityStatus.DRAFT) {
            return ResultWithEvents.of(with(status, until, null));
        }
        if (status == OpportunityStatus.EXPIRED) {
            Opportunity renewed = with(OpportunityStatus.PUBLISHED, until, null);
            return ResultWithEvents.of(renewed, new OpportunityEvent.Published(renewed));
        }
        throw new RuleViolationException("A withdrawn opportunity is not renewed");
    }

    /** By its business or an operator; {@code reason} optional (an operator withdrawing abusive content gives one). */
    public ResultWithEvents<Opportunity, OpportunityEvent> withdraw(String reason) {
        String checkedReason = reason == null ? null : Require.multilineText("reason", reason, MAX_REASON);
        if (status == OpportunityStatus.WITHDRAWN) {
            return ResultWithEvents.of(this);
        }
        Opportunity withdrawn = with(OpportunityStatus.WITHDRAWN, validUntil, checkedReason);
        // A draft was never published: nobody outside needs to hear that it is gone.
        return status == OpportunityStatus.DRAFT ? ResultWithEvents.of(withdrawn)
                : ResultWithEvents.of(withdrawn, new OpportunityEvent.Withdrawn(withdrawn));
    }

    /** Expires a published opportunity whose validUntil has come; anything else is left as it is. */
    public ResultWithEvents<Opportunity, OpportunityEvent> expireIfDue(Instant now) {
        if (status != OpportunityStatus.PUBLISHED || validUntil.isAfter(now)) {
            return ResultWithEvents.of(this);
        }
        Opportunity expired = with(OpportunityStatus.EXPIRED, validUntil, null);
        return ResultWithEvents.of(expired, new OpportunityEvent.Expired(expired));
    }

    public boolean isPublished() {
        return status == OpportunityStatus.PUBLISHED;
    }

    private Opportunity with(OpportunityStatus newStatus, Instant newValidUntil, String reason) {
        return new Opportunity(id, businessId, type, title, summary, sectors, subsectors, keywords, cooperationTypes,
                targetCountries, referenceCode, newValidUntil, newStatus, reason);
    }

    public static String referenceCodeOf(OpportunityType type, UUID id) {
        String prefix = switch (type) {
            case BUSINESS_OFFER -> "BO";
            case BUSINESS_REQUEST -> "BR";
            case TECHNOLOGY_OFFER -> "TO";
            case TECHNOLOGY_REQUEST -> "TR";
            case RND_COOPERATION_REQUEST -> "RD";
        };
        return "UCP-" + prefix + "-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static Opportunity fromInput(UUID id, String businessId, Input input, Instant now,
            OpportunityStatus status, String reason) {
        Require.present("body", input);
        OpportunityType type = Require.present("type", input.type());
        LocalizedText title = LocalizedText.of("title", input.title(), true, MAX_TITLE);
        LocalizedText summary = LocalizedText.of("summary", input.summary(), true, MAX_SUMMARY, true);
        SectorChoice chosen = SectorChoice.of(input.sectors(), input.subsectors());
        List<Sector> sectors = chosen.sectors();
        List<Subsector> subsectors = chosen.subsectors();
        List<String> keywords = input.keywords() == null ? List.of()
                : distinct("keywords", Require.each("keywords", Require.size("keywords", input.keywords(), 0,
                        MAX_KEYWORDS), (path, k) -> Require.visibleText(path, k, MAX_KEYWORD)));
        List<CooperationType> cooperation = distinct("cooperationTypes", Require.size("cooperationTypes",
                input.cooperationTypes(), 1, CooperationType.values().length));
        Require.each("cooperationTypes", cooperation, Require::present);
        List<String> countries = input.targetCountries() == null ? List.of()
                : distinct("targetCountries", Require.each("targetCountries", Require.size("targetCountries",
                        input.targetCountries(), 0, MAX_TARGET_COUNTRIES), Countries::code));
        Instant validUntil = validity("validUntil", input.validUntil(), now);
        return new Opportunity(id, businessId, type, title, summary, sectors, subsectors, keywords, cooperation,
                countries, referenceCodeOf(type, id), validUntil, status, reason);
    }

    private static Instant validity(String field, Instant validUntil, Instant now) {
        Require.instant(field, validUntil);
        if (!validUntil.isAfter(now)) {
            throw new InvalidValueException(field, field + " must be in the future");
        }
        if (validUntil.isAfter(now.plus(MAX_VALIDITY))) {
            throw new InvalidValueException(field, field + " must be at most " + MAX_VALIDITY.toDays()
                    + " days ahead; renew the opportunity when it nears its end");
        }
        return validUntil;
    }

    private static <T> List<T> distinct(String field, List<T> values) {
        if (new LinkedHashSet<>(values).size() != values.size()) {
            throw new InvalidValueException(field, field + " names an entry twice");
        }
        return new ArrayList<>(values);
    }
}
