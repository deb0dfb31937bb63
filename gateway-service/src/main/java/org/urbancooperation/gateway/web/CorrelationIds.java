package org.urbancooperation.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties a client's request to the services' log lines and the events it causes. Same header,
 * accepted format and MDC key as the services (service-support), which the gateway cannot depend on
 * because that module is servlet-based.
 */
public final class CorrelationIds {

    public static final String HTTP_HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** Where the id of the current request is kept, for code that runs outside the web filter. */
    public static final String EXCHANGE_ATTRIBUTE = CorrelationIds.class.getName() + ".id";

    /** What partners' systems typically send; anything else is replaced, never echoed. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationIds() {
    }

    /** The given id when it is well-formed, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        if (candidate != null && ACCEPTED.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
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
