package org.urbancooperation.benchmarks.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's "bare gateway": Spring Cloud Gateway (server WebFlux) exactly as the gateway-service jar
 * ships it (same libraries, taken from that jar: {@code java -Djarmode=tools -jar gateway-service.jar
 * extract}), but none of gateway-service's own code. Only this class is component-scanned (its package has
 * nothing else), so there are no correlation-id, security-header, path-guard, CORS, body-limit,
 * authentication or rate-limit web filters; the routes, without route filters, and the switched-off metrics
 * come from {@code application-bare.yml}.
 *
 * <p>Compiled and started by {@code benchmarks/gateway-benchmark.sh}:
 * <pre>
 * javac -d classes -cp "extracted/lib/*" benchmarks/bare-gateway/BareGateway.java
 * java -Xmx512m -cp "classes:extracted/lib/*" org.urbancooperation.benchmarks.bare.BareGateway \
 *     --spring.profiles.active=bare --spring.config.additional-location=file:benchmarks/bare-gateway/
 * </pre>
 */
@SpringBootApplication(proxyBeanMethods = false)
public class BareGateway {

    public static void main(String[] args) {
        SpringApplication.run(BareGateway.class, args);
    }
}
