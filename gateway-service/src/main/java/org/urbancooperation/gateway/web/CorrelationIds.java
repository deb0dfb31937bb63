package org.urbancooperation.gateway.web;


import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.contracts.CorrelationIdFormat;

/**
 * The id that ties a client's request to the services' log lines and the events it causes. Header and
 * accepted format are the contracts' {@link CorrelationIdFormat}, shared with the services; the MDC
 * handling is the gateway's own, because service-support is servlet-based.
 */
public final class CorrelationIds {

    public static final String HTTP_HEADER = CorrelationIdFormat.HTTP_HEADER;
    public static final String MDC_KEY = "correlationId";
    /** Where the id of the current request is kept, for code that runs outside the web filter. */
    public static final String EXCHANGE_ATTRIBUTE = CorrelationIds.class.getName() + ".id";


    private CorrelationIds() {
    }

    /** The given id when it is well-formed, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return CorrelationIdFormat.acceptOrCreate(candidate);
    }

    /** The id the filter assigned to this exchange, or null if the filter did not run. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(EXCHANGE_ATTRIBUTE);
    }

    /**
     * Puts the id into the MDC of the current thread until closed. Reactive code hops threads, so
     * this is opened around individual log statements rather than for a whole request.
     */
    public static MdcScope inMdc(String correlationId) {
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

    /** Restores the previous MDC value when closed. */
    @FunctionalInterface
    public interface MdcScope extends AutoCloseable {
        @Override
        void close();
    }
}
