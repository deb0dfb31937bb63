package org.urbancooperation.contracts;

/**
 * Kafka topics: one per producing aggregate, named {@code <context>.<aggregate>}. Dead letters go to
 * {@code <topic>-dlt}, spring-kafka 4's default for its dead-letter publishing recoverer.
 */
public final class Topics {

    public static final String PARTNERSHIPS = "partnership.partnership";
    public static final String COOPERATION_EVENTS = "events.cooperation-event";
    public static final String MATCHING_EVENTS = "matching.matching-event";

    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
