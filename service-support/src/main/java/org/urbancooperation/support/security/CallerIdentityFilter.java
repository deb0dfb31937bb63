package org.urbancooperation.support.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.contracts.identity.InvalidIdentityTokenException;
import org.urbancooperation.support.web.ProblemResponses;
import org.urbancooperation.support.web.Problems;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Establishes the {@link Caller} of every API request from the gateway's identity token. A request
 * with an invalid token is refused (401) whatever it asks for; one without a token is anonymous,
 * which only the configured public reads accept. Object-level decisions come later, in the
 * application services, with {@link Access}.
 */
public class CallerIdentityFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = Caller.class.getName();
    private static final Logger log = LoggerFactory.getLogger(CallerIdentityFilter.class);

    private final IdentityTokens.Verifier verifier;
    private final List<String> publicReads;
    private final MeterRegistry meters;
    private final AntPathMatcher paths = new AntPathMatcher();

    public CallerIdentityFilter(IdentityTokens.Verifier verifier, List<String> publicReads, MeterRegistry meters) {
        this.verifier = verifier;
        this.publicReads = List.copyOf(publicReads);
        this.meters = meters;
    }

    public static Caller callerOf(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        return caller instanceof Caller c ? c : Caller.anonymous();
    }

    /** Only the API is guarded here; probes, metrics and API docs are for the operators' network. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(IdentityTokens.HEADER);
        Caller caller = Caller.anonymous();
        if (token != null) {
            try {
                caller = Caller.of(verifier.verify(token));
            } catch (InvalidIdentityTokenException e) {
                Counter.builder("ucp.security.identity.rejected").description("Identity tokens refused, by reason")
                        .tag("reason", reasonOf(e)).register(meters).increment();
                log.warn("Refused an identity token: {}", e.getMessage());
                response.setHeader(AuthenticationChallenge.HEADER, AuthenticationChallenge.VALUE);
                ProblemResponses.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-identity",
                        "Invalid identity", "The caller's identity could not be verified"));
                return;
            }
        } else if (!isPublicRead(request)) {
            response.setHeader(AuthenticationChallenge.HEADER, AuthenticationChallenge.VALUE);
            ProblemResponses.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "authentication-required",
                    "Authentication required", "This needs an API key or a bearer token"));
            return;
        }
        request.setAttribute(ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }

    private boolean isPublicRead(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String path = request.getRequestURI();
        return publicReads.stream().anyMatch(pattern -> paths.match(pattern, path));
    }

    private static String reasonOf(InvalidIdentityTokenException e) {
        String message = e.getMessage();
        if (message.contains("expired")) {
            return "expired";
        }
        if (message.contains("signature")) {
            return "signature";
        }
        return "malformed";
    }
}
