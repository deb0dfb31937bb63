package org.urbancooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.testing.Promtool;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed sign-ins through the real login form (session cookie, CSRF token, form post) of a running provider:
 * refused for a while once too many failed, right password included, and alike for known and unknown users.
 */
class LoginThrottleTest {

    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "ucp.identity.issuer=",
            "ucp.identity.login-throttle.per-user.burst=3", "ucp.identity.login-throttle.per-user.attempts=1",
            "ucp.identity.login-throttle.per-user.per=1h", "ucp.identity.login-throttle.per-address.burst=1000" })
    class PerUser {

        @LocalServerPort
        int port;

        @Test
        void aUserWithTooManyFailedSignInsIsRefusedUncheckedAndAnUnknownUserAlike() throws Exception {
            Browser browser = new Browser(port);
            for (String user : new String[] { "koriyama", "nobody-at-all" }) {
                for (int i = 0; i < 3; i++) {
                    assertThat(browser.signIn(user, "wrong-" + i).headers().firstValue("Location").orElse(""))
                            .as("a failed sign-in goes back to the form").endsWith("/login?error");
                }
            }
            HttpResponse<String> known = browser.signIn("koriyama", "wrong-again");
            HttpResponse<String> unknown = browser.signIn("nobody-at-all", "wrong-again");
            assertThat(known.statusCode()).isEqualTo(429);
            assertThat(known.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Long.parseLong(known.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            // Nothing tells a known user from an unknown one.
            assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
            assertThat(unknown.body().replaceAll("\\d+ s", "N s")).isEqualTo(known.body().replaceAll("\\d+ s", "N s"));
            assertThat(unknown.headers().firstValue("Retry-After")).isPresent();

            // The right password is not even checked while throttled: no way to confirm a guess.
            assertThat(browser.signIn("koriyama", "demo").statusCode()).isEqualTo(429);
            assertThat(browser.signIn("KORIYAMA ", "demo").statusCode()).as("the same user however typed").isEqualTo(429);
            // Other users are not affected.
            assertThat(browser.signIn("essen", "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");

            String metrics = browser.get("/actuator/prometheus");
            assertThat(metrics).contains("# HELP ucp_identity_login_throttled_total ")
                    .contains("# HELP ucp_identity_login_failures_total ")
                    .containsPattern("ucp_identity_login_throttled_total\\{application=\"identity-provider\",scope=\"user\"} 4.0")
                    .containsPattern("ucp_identity_login_failures_total\\{application=\"identity-provider\"} 6.0");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ucp.identity.issuer=")
    class Metrics {

        @LocalServerPort
        int port;

        @Autowired
        MeterRegistry meters;

        @Test
        void everyMeterOfOursHasADescriptionAndPassesPromtool() throws Exception {
            Browser browser = new Browser(port);
            browser.signIn("essen", "wrong");
            assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                    .contains("ucp.identity.login.failures", "ucp.identity.login.throttled");
            assertThat(meters.getMeters()).map(Meter::getId).filteredOn(id -> id.getName().startsWith("ucp."))
                    .allSatisfy(id -> assertThat(id.getDescription()).as("description of %s", id).isNotBlank());

            String scrape = browser.get("/actuator/prometheus");
            assertThat(Promtool.problems(scrape, "ucp_")).isEmpty();
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "ucp.identity.issuer=",
            "ucp.identity.login-throttle.per-address.burst=4", "ucp.identity.login-throttle.per-address.attempts=1",
            "ucp.identity.login-throttle.per-address.per=1h", "ucp.identity.login-throttle.per-user.burst=1000" })
    class PerAddress {

        @LocalServerPort
        int port;

        @Test
        void anAddressTryingManyUsersIsRefusedForEveryUser() throws Exception {
            Browser browser = new Browser(port);
            for (int i = 0; i < 4; i++) {
                assertThat(browser.signIn("user-" + i, "demo").statusCode()).isEqualTo(302);
            }
            assertThat(browser.signIn("secretariat", "demo").statusCode()).isEqualTo(429);
            assertThat(browser.get("/actuator/prometheus"))
                    .containsPattern("ucp_identity_login_throttled_total\\{application=\"identity-provider\",scope=\"address\"} 1.0");
        }
    }

    /** The login form as a browser uses it: a session cookie and the form's CSRF token. */
    static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"");
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        Browser(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
            Matcher csrf = CSRF.matcher(get("/login"));
            assertThat(csrf.find()).as("the login form has a CSRF token").isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }
}
