package org.urbancooperation.contracts;

import java.util.Set;

/**
 * Kafka topics: one per producing aggregate, named {@code <context>.<aggregate>}. Dead letters go to
 * {@code <topic>-dlt}, spring-kafka 4's default for its dead-letter publishing recoverer.
 */
public final class Topics {

    public static final String PARTNERSHIPS = "partnership.partnership";
    public static final String COOPERATION_EVENTS = "events.cooperation-event";
    public static final String MATCHING_EVENTS = "matching.matching-event";
    /** Business profiles registered and changed (matching-service), never their contacts; key: the business id. */
    public static final String BUSINESS_PROFILES = "matching.business-profile";
    /** Partnering opportunities published, changed, expired and withdrawn (matching-service); key: the id. */
    public static final String OPPORTUNITIES = "matching.opportunity";
    /**
     * Matches proposed, requested, confirmed, declined and expired and their agreements (matching-service), never
     * contacts or messages; key: the match id.
     */
    public static final String MATCHES = "matching.match";
    /**
     * B2B meetings of matching events scheduled, rescheduled and cancelled (matching-service), never contacts; key:
     * the meeting id.
     */
    public static final String MEETINGS = "matching.meeting";
    /**
     * API keys issued and revoked (partnership-service); the gateway keeps its key cache from it. Its
     * events carry secret hashes: only the gateway may read it.
     */
    public static final String API_KEYS = "access.api-key";
    /** Programme indicators of partnerships (partnership-service), keyed by {@code <partnershipId>/<code>}. */
    public static final String INDICATORS = "partnership.indicator";
    /** Cooperation programmes (IURC, IUC Asia) and their thematic networks, published by partnership-service. */
    public static final String PROGRAMMES = "partnership.programme";
    /** Cities registered and changed (partnership-service); key: the city's slug id. */
    public static final String CITIES = "partnership.city";
    /** Organisations registered and changed (partnership-service), never their contacts; key: the slug id. */
    public static final String ORGANISATIONS = "partnership.organisation";

    /**
     * Topics that hold state rather than history: created with {@code cleanup.policy=compact}, so the
     * latest event of every key stays for good and a consumer that reads from the start (the gateway's
     * key cache) still finds keys issued long before the retention time.
     */
    public static final Set<String> COMPACTED = Set.of(API_KEYS);

    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
