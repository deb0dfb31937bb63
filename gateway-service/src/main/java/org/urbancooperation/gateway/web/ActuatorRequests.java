package org.urbancooperation.gateway.web;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Which requests the actuator serves: those that came in on the management server (its own port, the
 * default here), or, only if the actuator shares the API port, those under {@code /actuator}. The filters
 * that leave probes and scrapes alone (authentication, rate limits) ask this, so that on the API port a path
 * under {@code /actuator}, a 404 there, is limited like any other.
 */
@Component
public class ActuatorRequests {

    /** Boot's name for the management child context's web server. */
    private static final String MANAGEMENT_NAMESPACE = "management";

    private final boolean onApiPort;

    public ActuatorRequests(Environment environment) {
        this.onApiPort = ManagementPortType.get(environment) == ManagementPortType.SAME;
    }

    public boolean isActuator(ServerWebExchange exchange) {
        if (exchange.getApplicationContext() instanceof WebServerApplicationContext context
                && MANAGEMENT_NAMESPACE.equals(context.getServerNamespace())) {
            return true;
        }
        return onApiPort && exchange.getRequest().getPath().value().startsWith("/actuator");
    }
}
