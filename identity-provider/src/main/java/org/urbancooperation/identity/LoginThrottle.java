package org.urbancooperation.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins throttled per user name and per client address: bucket4j token buckets that only failed
 * sign-ins take from. While either is used up, a sign-in of that user (or from that address) is not checked
 * at all and gets 429 with {@code Retry-After}: a right password is refused like a wrong one, so guessing
 * stops, and an unknown user name is throttled exactly like a known one (its bucket is keyed by the name as
 * typed), so the answers tell nothing about which users exist.
 *
 * <p>The client address is the servlet request's: behind a reverse proxy, set
 * {@code SERVER_FORWARD_HEADERS_STRATEGY=native}, so that Tomcat takes it from {@code X-Forwarded-For} written
 * by a proxy it trusts (its internal-proxies: private addresses) and never from a client's own header.
 */
public final class LoginThrottle {

    private static final int MAX_USERNAME_KEY = 256;

    private final Properties properties;
    private final Cache<String, Bucket> buckets;
    private final Counter failures;
    private final Counter throttledUser;
    private final Counter throttledAddress;

    public LoginThrottle(Properties properties, MeterRegistry meters) {
        this.properties = properties;
        Duration idle = max(properties.perUser().timeToFill(), properties.perAddress().timeToFill());
        // Bounded: a flood of made-up user names cannot exhaust memory; an evicted bucket starts full again.
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle).build();
        this.failures = Counter.builder("ucp.identity.login.failures")
                .description("Sign-ins refused for a wrong password or an unknown user (not told apart)")
                .register(meters);
        this.throttledUser = throttled(meters, "user");
        this.throttledAddress = throttled(meters, "address");
    }

    private static Counter throttled(MeterRegistry meters, String scope) {
        return Counter.builder("ucp.identity.login.throttled")
                .description("Sign-ins refused with 429, unchecked, after too many failed ones, by scope "
                        + "(user: the user name, address: the client address)")
                .tag("scope", scope).register(meters);
    }

    /** Empty if the sign-in may be checked, otherwise how long until it will be. */
    Optional<Duration> blocked(String username, String address) {
        Optional<Duration> byUser = blocked(userKey(username));
        if (byUser.isPresent()) {
            throttledUser.increment();
            return byUser;
        }
        Optional<Duration> byAddress = blocked(addressKey(address));
        byAddress.ifPresent(wait -> throttledAddress.increment());
        return byAddress;
    }

    void failed(String username, String address) {
        failures.increment();
        buckets.get(userKey(username), key -> bucket(properties.perUser())).tryConsume(1);
        buckets.get(addressKey(address), key -> bucket(properties.perAddress())).tryConsume(1);
    }

    private Optional<Duration> blocked(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > MAX_USERNAME_KEY ? name.substring(0, MAX_USERNAME_KEY) : name);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static Bucket bucket(Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.attempts(), limit.per()))
                .build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Refuses throttled sign-ins before Spring Security checks them. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                Optional<Duration> wait = blocked(request.getParameter("username"), request.getRemoteAddr());
                if (wait.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                byte[] body = ("{\"type\":\"https://urban-cooperation.example/problems/too-many-requests\","
                        + "\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"Too many failed sign-ins; no sign-in is checked until then. Retry after "
                        + seconds + " s\"}").getBytes(StandardCharsets.UTF_8);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        };
    }

    /** Counts each failed sign-in, then answers as Spring Security's form login does (back to the form). */
    public AuthenticationFailureHandler failureHandler() {
        SimpleUrlAuthenticationFailureHandler form = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            failed(request.getParameter("username"), request.getRemoteAddr());
            form.onAuthenticationFailure(request, response, exception);
        };
    }

    /** {@code attempts} failures per {@code per}, refilled continuously, at most {@code burst} at once. */
    public record Limit(long attempts, Duration per, long burst) {

        public Limit {
            if (attempts < 1 || burst < 1 || per == null || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("ucp.identity.login-throttle limits need attempts >= 1, burst >= 1 "
                        + "and a positive per");
            }
        }

        Duration timeToFill() {
            return Duration.ofNanos(Math.multiplyExact(per.toNanos(), burst) / attempts + 1);
        }
    }

    /**
     * {@code ucp.identity.login-throttle.*}.
     *
     * @param enabled false: failed sign-ins are never throttled
     * @param perUser failures per user name (known or not)
     * @param perAddress failures per client address
     */
    @ConfigurationProperties("ucp.identity.login-throttle")
    public record Properties(@DefaultValue("true") boolean enabled, Limit perUser, Limit perAddress) {

        public Properties {
            perUser = perUser == null ? new Limit(5, Duration.ofMinutes(5), 5) : perUser;
            perAddress = perAddress == null ? new Limit(20, Duration.ofMinutes(5), 20) : perAddress;
        }
    }
}
