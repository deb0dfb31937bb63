package org.urbancooperation.support.observability;


import org.slf4j.MDC;
import org.urbancooperation.contracts.CorrelationIdFormat;

/**
 * The id that ties a request to the integration events it causes and to the consumers' log lines.
 * Kept in the logging MDC of the current thread: set by the HTTP filter and by the consumer.
 */
public final class CorrelationId {

    public static final String HTTP_HEADER = CorrelationIdFormat.HTTP_HEADER;
    public static final String MDC_KEY = "correlationId";


    private CorrelationId() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** The given id when it is well-formed, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return CorrelationIdFormat.acceptOrCreate(candidate);
    }

    public static Scope open(String correlationId) {
        String previous = MDC.get(MDC_KEY);
        if (correlationId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, correlationId);
        }
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    /** Restores the previous correlation id when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
