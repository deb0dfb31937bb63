package org.urbancooperation.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.urbancooperation.gateway.GatewayApplication;

/**
 * A gateway started as its own application context, as a replica would be: for tests that need several
 * at once or settings that only hold for one test. Closed after use, so it costs no memory afterwards.
 */
final class StandaloneGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WebTestClient client;
    private final WebTestClient management;

    private StandaloneGateway(ConfigurableApplicationContext context) {
        this.context = context;
        String port = context.getEnvironment().getProperty("local.server.port");
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        // management.server.port=0 (test config): the actuator's own random port.
        String managementPort = context.getEnvironment().getProperty("local.management.port");
        this.management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    /** Starts a gateway with these settings (as command-line arguments: they win over application.yml). */
    static StandaloneGateway start(String backendUrl, Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--PARTNERSHIP_SERVICE_URL=" + backendUrl, "--EVENT_SERVICE_URL=" + backendUrl,
                "--MATCHING_SERVICE_URL=" + backendUrl));
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new StandaloneGateway(new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new)));
    }

    /** A bean of this gateway, to wait for internal state that a request would disturb. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    WebTestClient client() {
        return client;
    }

    /** The actuator's port: probes and the scrape. */
    WebTestClient management() {
        return management;
    }

    /** The sum of a Prometheus counter's series whose labels contain all the given fragments. */
    double counter(String name, String... labelFragments) {
        String scrape = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} ([0-9.E+-]+)$").matcher(scrape);
        double sum = 0;
        while (matcher.find()) {
            String labels = matcher.group(1);
            boolean all = true;
            for (String fragment : labelFragments) {
                all &= labels.contains(fragment);
            }
            if (all) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }

    @Override
    public void close() {
        context.close();
    }
}
