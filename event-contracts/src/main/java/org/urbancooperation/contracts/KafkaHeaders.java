package org.urbancooperation.contracts;

/**
 * Header names on every integration event record: CloudEvents 1.0 Kafka binding attribute names
 * ({@code ce_} prefix), plus the correlation id. The body stays the full {@link EventEnvelope}.
 */
public final class KafkaHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CORRELATION_ID = "correlation_id";

    public static final String CLOUDEVENTS_SPEC_VERSION = "1.0";

    private KafkaHeaders() {
    }
}
