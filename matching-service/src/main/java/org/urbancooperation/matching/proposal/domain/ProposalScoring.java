package org.urbancooperation.matching.proposal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;

/**
 * The matching rules: which opportunities are never proposed to each other ({@link #exclusion}), and how well two
 * others fit ({@link #score}), as named parts with their reasons in words, told from the asking opportunity's side
 * ("your request ... their offer"). Every rule but the text similarity is symmetric, so two opportunities with the
 * same text relevance score the same from either side.
 */
public final class ProposalScoring {

    private ProposalScoring() {
    }

    /**
     * Why {@code other} is never proposed to {@code own}, if it is not.
     *
     * @param declined whether a match between the two was declined before (either way round)
     */
    public static Optional<Exclusion> exclusion(MatchableOpportunity own, MatchableOpportunity other, Instant now,
            boolean declined) {
        if (own.businessId().equals(other.businessId())) {
            return Optional.of(Exclusion.SAME_BUSINESS);
        }
        Optional<Exclusion> closed = closed(other, now).or(() -> closed(own, now).filter(e -> e != Exclusion.DRAFT));
        if (closed.isPresent()) {
            return closed;
        }
        if (!own.type().complements(other.type())) {
            return Optional.of(Exclusion.NOT_COMPLEMENTARY);
        }
        return declined ? Optional.of(Exclusion.DECLINED) : Optional.empty();
    }

    /** A draft may ask what it would meet (its business previews it); nothing is proposed to others but published. */
    private static Optional<Exclusion> closed(MatchableOpportunity o, Instant now) {
        return switch (o.status()) {
            case DRAFT -> Optional.of(Exclusion.DRAFT);
            case WITHDRAWN -> Optional.of(Exclusion.WITHDRAWN);
            case EXPIRED -> Optional.of(Exclusion.EXPIRED);
            case PUBLISHED -> o.validUntil().isAfter(now) ? Optional.empty() : Optional.of(Exclusion.EXPIRED);
        };
    }

    /**
     * How well {@code other} (of {@code otherBusiness}) fits {@code own} (of {@code ownBusiness}); call it for pairs
     * that {@link #exclusion} lets through. Parts that give nothing are left out.
     */
    public static Score score(MatchableOpportunity own, MatchableBusiness ownBusiness, MatchableOpportunity other,
            MatchableBusiness otherBusiness, TextSimilarity text) {
        List<ScorePart> parts = new ArrayList<>();
        if (own.type().complements(other.type())) {
            parts.add(part(ScoreRule.COMPLEMENTARY_TYPES, ScoreRule.COMPLEMENTARY_TYPES.maxPoints(),
                    "your " + words(own.type()) + " meets their " + words(other.type())));
        }
        overlap(ScoreRule.SECTORS, own.sectors(), other.sectors(), ProposalScoring::words).ifPresent(parts::add);
        overlap(ScoreRule.SUBSECTORS, own.subsectors(), other.subsectors(), ProposalScoring::words)
                .ifPresent(parts::add);
        int textPoints = (int) Math.round(ScoreRule.TEXT.maxPoints() * text.relevance());
        if (textPoints > 0) {
            parts.add(new ScorePart(ScoreRule.TEXT, textPoints, text.matchedTerms().isEmpty() ? "similar wording"
                    : "matched terms: " + String.join(", ", text.matchedTerms()), text.matchedTerms()));
        }
        targetCountries(own, ownBusiness, other, otherBusiness).ifPresent(parts::add);
        cooperation(own, other).ifPresent(parts::add);
        sharedLanguage(ownBusiness, otherBusiness).ifPresent(parts::add);
        return new Score(parts);
    }

    /**
     * Points by the share of the smaller set that the other names too (the overlap coefficient): the same either way,
     * and full when all of one side's subsectors are among the other's (a hydrogen specialist meeting a business in
     * hydrogen and storage is a full fit for what the specialist does).
     */
    private static <T> Optional<ScorePart> overlap(ScoreRule rule, List<T> own, List<T> other,
            Function<T, String> words) {
        Set<T> shared = new LinkedHashSet<>(own);
        shared.retainAll(other);
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        int smaller = Math.min(new LinkedHashSet<>(own).size(), new LinkedHashSet<>(other).size());
        int points = (int) Math.round(rule.maxPoints() * (double) shared.size() / smaller);
        return Optional.of(part(rule, points, "both in " + and(shared.stream().map(words).toList())));
    }

    /** Half the points for each side whose target countries name the other's country. */
    private static Optional<ScorePart> targetCountries(MatchableOpportunity own, MatchableBusiness ownBusiness,
            MatchableOpportunity other, MatchableBusiness otherBusiness) {
        List<String> reasons = new ArrayList<>();
        int half = ScoreRule.TARGET_COUNTRIES.maxPoints() / 2;
        int points = 0;
        if (otherBusiness.country() != null && own.targetCountries().contains(otherBusiness.country())) {
            points += half;
            reasons.add("they are in " + country(otherBusiness.country()) + ", one of your target countries");
        }
        if (ownBusiness.country() != null && other.targetCountries().contains(ownBusiness.country())) {
            points += half;
            reasons.add("you are in " + country(ownBusiness.country()) + ", one of their target countries");
        }
        return points == 0 ? Optional.empty() : Optional.of(part(ScoreRule.TARGET_COUNTRIES, points,
                String.join("; ", reasons)));
    }

    private static Optional<ScorePart> cooperation(MatchableOpportunity own, MatchableOpportunity other) {
        Set<CooperationType> shared = new LinkedHashSet<>(own.cooperationTypes());
        shared.retainAll(other.cooperationTypes());
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        String what = and(shared.stream().map(ProposalScoring::words).toList());
        String reason;
        if (own.isOffer() && !other.isOffer()) {
            reason = "your offer of " + what + " meets their request for " + what;
        } else if (!own.isOffer() && other.isOffer()) {
            reason = "your request for " + what + " meets their offer of " + what;
        } else {
            reason = "both seek " + what;
        }
        return Optional.of(part(ScoreRule.COOPERATION_TYPES, ScoreRule.COOPERATION_TYPES.maxPoints(), reason));
    }

    private static Optional<ScorePart> sharedLanguage(MatchableBusiness own, MatchableBusiness other) {
        Set<String> shared = new LinkedHashSet<>(own.languages());
        shared.retainAll(other.languages());
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(part(ScoreRule.SHARED_LANGUAGE, ScoreRule.SHARED_LANGUAGE.maxPoints(), "both speak "
                + and(shared.stream().map(l -> Locale.forLanguageTag(l).getDisplayLanguage(Locale.ENGLISH)).toList())));
    }

    private static ScorePart part(ScoreRule rule, int points, String reason) {
        return new ScorePart(rule, points, reason, List.of());
    }

    static String words(OpportunityType type) {
        return type == OpportunityType.RND_COOPERATION_REQUEST ? "R&D cooperation request" : words(type.name());
    }

    static String words(Sector sector) {
        return words(sector.name());
    }

    static String words(Subsector subsector) {
        return words(subsector.name());
    }

    static String words(CooperationType type) {
        return words(type.name());
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String country(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    private static String and(Collection<String> items) {
        List<String> list = List.copyOf(items);
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }
}
