package org.urbancooperation.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a person in at the platform's identity provider the way a browser would, and returns the
 * tokens: the OAuth 2.0 authorization code flow with PKCE (S256), driven by the JDK's HttpClient
 * with a cookie jar.
 *
 * <ol>
 * <li>GET the authorization endpoint (from the discovery document) with a fresh code challenge,
 * state and nonce; it redirects to the login form.</li>
 * <li>GET the login form and take its CSRF token.</li>
 * <li>POST the username, password and CSRF token; a wrong password leads back to the form
 * ({@code /login?error}), which is reported as {@link LoginRefusedException}.</li>
 * <li>Follow the redirects back to the authorization endpoint and on to the client's redirect URI
 * with the {@code code}. (The first-party clients need no consent; a consent page is reported as
 * an error.)</li>
 * <li>POST the code with the code verifier to the token endpoint.</li>
 * </ol>
 *
 * JDK only, no test framework, no JSON library: the system tests can copy this file as it is, or
 * depend on this module's test classes. It fits the login form of the local identity provider
 * (Spring Security's form: {@code username}, {@code password}, {@code _csrf}), not any other
 * identity provider's pages. The redirect URI is never called: the flow stops at the redirect to
 * it, so nothing needs to listen there. One instance is one browser: the session cookie stays, so
 * a second {@link #login} as another user needs a new instance (or {@link #forgetSession()}).
 */
public final class OidcLogin {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_REDIRECTS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private Map<String, String> discovery;

    /** The issuer, e.g. {@code http://127.0.0.1:9000}; its discovery document names the endpoints. */
    public OidcLogin(URI issuer) {
        this.issuer = issuer;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER) // followed by hand: the last one must not be
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** The tokens of one sign-in; {@code refreshToken} and {@code idToken} may be null. */
    public record Tokens(String accessToken, String tokenType, long expiresIn, String scope, String idToken,
            String refreshToken) {
    }

    /** The identity provider refused the username and password. */
    public static final class LoginRefusedException extends RuntimeException {
        public LoginRefusedException(String message) {
            super(message);
        }
    }

    /** An OAuth error response: {@code error} and {@code error_description} as the server sent them. */
    public static final class OAuthErrorException extends RuntimeException {
        private final int status;
        private final String error;

        public OAuthErrorException(int status, String error, String description) {
            super("HTTP " + status + ": " + error + (description == null ? "" : " (" + description + ")"));
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }
    }

    /** Signs in with the scopes {@code openid profile}. */
    public Tokens login(String clientId, String redirectUri, String username, String password) {
        return login(clientId, redirectUri, username, password, "openid profile");
    }

    /** The whole flow: see the class comment. */
    public Tokens login(String clientId, String redirectUri, String username, String password, String scope) {
        String verifier = randomToken(32);
        String state = randomToken(16);
        String nonce = randomToken(16);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", scope);
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", codeChallenge(verifier));
        query.put("code_challenge_method", "S256");
        URI authorize = URI.create(endpoint("authorization_endpoint") + "?" + form(query));

        // To the login form (or straight back with a code, if this instance is signed in already).
        HttpResponse<String> response = followUntil(authorize, redirectUri);
        if (!isRedirectTo(response, redirectUri)) {
            URI loginPage = response.uri();
            String html = response.body();
            String csrf = find(html, "name=\"_csrf\"[^>]*value=\"([^\"]*)\"")
                    .or(() -> find(html, "value=\"([^\"]*)\"[^>]*name=\"_csrf\""))
                    .orElseThrow(() -> unexpected("no login form with a CSRF token", response));
            String action = find(html, "<form[^>]*action=\"([^\"]*)\"").orElse(loginPage.getPath());
            Map<String, String> credentials = new LinkedHashMap<>();
            credentials.put("username", username);
            credentials.put("password", password);
            credentials.put("_csrf", htmlUnescape(csrf));
            HttpResponse<String> posted = send(HttpRequest.newBuilder(loginPage.resolve(htmlUnescape(action)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(credentials))));
            Optional<URI> next = location(posted);
            if (next.isPresent() && next.get().getPath().equals(loginPage.getPath())
                    && next.get().getQuery() != null && next.get().getQuery().contains("error")) {
                throw new LoginRefusedException("the identity provider refused the sign-in of '" + username + "'");
            }
            HttpResponse<String> back = followUntil(next.orElseThrow(() -> unexpected("no redirect after the login", posted)),
                    redirectUri);
            if (!isRedirectTo(back, redirectUri)) {
                throw unexpected("expected a redirect to " + redirectUri + " (a consent page?)", back);
            }
            return redeem(clientId, redirectUri, verifier, state, location(back).orElseThrow());
        }
        return redeem(clientId, redirectUri, verifier, state, location(response).orElseThrow());
    }

    /** A {@code refresh_token} grant for a public client. */
    public Tokens refresh(String clientId, String refreshToken) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        body.put("client_id", clientId);
        return tokenRequest(body);
    }

    /** Drops the session cookie: the next {@link #login} shows the login form again. */
    public void forgetSession() {
        cookies.getCookieStore().removeAll();
    }

    /** A string value of the discovery document ({@code /.well-known/openid-configuration}). */
    public String endpoint(String name) {
        if (discovery == null) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    URI.create(stripSlash(issuer.toString()) + "/.well-known/openid-configuration")).GET());
            if (response.statusCode() != 200) {
                throw unexpected("no discovery document", response);
            }
            discovery = jsonStrings(response.body());
        }
        String value = discovery.get(name);
        if (value == null) {
            throw new IllegalStateException("the discovery document of " + issuer + " has no " + name);
        }
        return value;
    }

    private Tokens redeem(String clientId, String redirectUri, String verifier, String state, URI callback) {
        Map<String, String> params = queryParameters(callback);
        if (params.containsKey("error")) {
            throw new OAuthErrorException(302, params.get("error"), params.get("error_description"));
        }
        if (!state.equals(params.get("state"))) {
            throw new IllegalStateException("the state came back changed: " + callback);
        }
        String code = params.get("code");
        if (code == null) {
            throw new IllegalStateException("no code in " + callback);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("client_id", clientId);
        body.put("code_verifier", verifier);
        return tokenRequest(body);
    }

    private Tokens tokenRequest(Map<String, String> body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(endpoint("token_endpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body))));
        Map<String, String> json = jsonStrings(response.body());
        if (response.statusCode() != 200) {
            throw new OAuthErrorException(response.statusCode(), json.getOrDefault("error", response.body()),
                    json.get("error_description"));
        }
        long expiresIn = find(response.body(), "\"expires_in\"\\s*:\\s*(\\d+)").map(Long::parseLong).orElse(-1L);
        return new Tokens(json.get("access_token"), json.get("token_type"), expiresIn, json.get("scope"),
                json.get("id_token"), json.get("refresh_token"));
    }

    /** GETs and follows redirects, but stops at a redirect to the client (which nobody serves). */
    private HttpResponse<String> followUntil(URI start, String redirectUri) {
        URI next = start;
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(next).header("Accept", "text/html").GET());
            if (isRedirectTo(response, redirectUri)) {
                return response;
            }
            Optional<URI> location = location(response);
            if (location.isEmpty()) {
                return response;
            }
            next = location.get();
        }
        throw new IllegalStateException("more than " + MAX_REDIRECTS + " redirects from " + start);
    }

    private static boolean isRedirectTo(HttpResponse<String> response, String redirectUri) {
        return location(response).map(uri -> sameEndpoint(uri, URI.create(redirectUri))).orElse(false);
    }

    /** Scheme, host and path equal; a loopback redirect URI may come back with any port (RFC 8252). */
    private static boolean sameEndpoint(URI actual, URI expected) {
        boolean portMatches = actual.getPort() == expected.getPort() || expected.getPort() == -1;
        return actual.getScheme().equals(expected.getScheme()) && actual.getHost().equals(expected.getHost())
                && portMatches && actual.getPath().equals(expected.getPath());
    }

    private static Optional<URI> location(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 300 || status >= 400) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").map(value -> response.uri().resolve(value));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static IllegalStateException unexpected(String what, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return new IllegalStateException(what + ": " + response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + " " + response.headers().firstValue("Location").orElse("")
                + " " + body.substring(0, Math.min(500, body.length())));
    }

    // --- PKCE and encoding -----------------------------------------------------------------------

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(verifier))). */
    static String codeChallenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        StringJoiner joined = new StringJoiner("&");
        values.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static Map<String, String> queryParameters(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Optional<String> find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text == null ? "" : text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String htmlUnescape(String value) {
        return value.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /**
     * The string members of a JSON object ({@code "name": "value"}; the first of a name wins).
     * Enough for token responses, OAuth errors and the discovery document's endpoint URLs, whose
     * values are plain strings; numbers, arrays and booleans are not read.
     */
    static Map<String, String> jsonStrings(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null) {
            return values;
        }
        Matcher matcher = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (matcher.find()) {
            values.putIfAbsent(jsonUnescape(matcher.group(1)), jsonUnescape(matcher.group(2)));
        }
        return values;
    }

    private static String jsonUnescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char escaped = value.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(escaped); // \" \\ \/
            }
        }
        return out.toString();
    }
}
