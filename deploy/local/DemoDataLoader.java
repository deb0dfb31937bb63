import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the demo data of {@code deploy/local/demo-data/} through the gateway, with the API alone, idempotently:
 * whatever exists already is found and left alone, so a second run creates nothing. Prints what it created or found.
 * JDK only ({@code java DemoDataLoader.java ...}), like the rest of the local stack: no JSON tool, so a small JSON
 * reader and writer are part of this file.
 *
 * <pre>
 * java DemoDataLoader.java &lt;gatewayUrl&gt; &lt;operatorKeyFile&gt; &lt;dataDir&gt;
 * </pre>
 *
 * How each thing is found again: programmes, cities and organisations by their slug id ({@code GET .../koriyama},
 * 404: create it); the partnership by its name filter; agreements by title, focal points by number, actions by
 * English title within the partnership; cooperation and matching events by title within the partnership; business
 * profiles by id, opportunities by business and English title (drafted, then published). An action's
 * {@code steps} (status moves, format changes) go through its command endpoints with If-Match, so its history is
 * real; a run that stopped half-way resumes after the steps already in the history.
 *
 * Any answer other than the expected ones ends the run with status 1, naming the request, the status and the
 * problem body.
 */
public final class DemoDataLoader {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String gateway;
    private final String operatorKey;
    private final Path data;
    private int created;
    private int found;

    private DemoDataLoader(String gateway, String operatorKey, Path data) {
        this.gateway = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
        this.operatorKey = operatorKey;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java DemoDataLoader.java <gatewayUrl> <operatorKeyFile> <dataDir>");
            System.exit(2);
        }
        String key = Files.readString(Path.of(args[1])).strip();
        try {
            new DemoDataLoader(args[0], key, Path.of(args[2])).load();
        } catch (LoadFailed e) {
            System.err.println("demo data: " + e.getMessage());
            System.exit(1);
        }
    }

    private void load() throws IOException, InterruptedException {
        awaitOperatorKey();
        for (Object programme : list("programmes.json")) {
            ensureBySlug("programme", "/api/v1/programmes", map(programme));
        }
        for (Object city : list("cities.json")) {
            ensureBySlug("city", "/api/v1/cities", map(city));
        }
        for (Object organisation : list("organisations.json")) {
            ensureBySlug("organisation", "/api/v1/organisations", map(organisation));
        }
        String partnershipId = ensurePartnership(map(read("partnership.json")));
        for (Object agreement : list("agreements.json")) {
            ensureAgreement(partnershipId, map(agreement));
        }
        Map<Long, String> focalPoints = new LinkedHashMap<>();
        for (Object focalPoint : list("focal-points.json")) {
            Map<String, Object> body = map(focalPoint);
            focalPoints.put(number(body.get("number")), ensureFocalPoint(partnershipId, body));
        }
        for (Object action : list("actions.json")) {
            ensureAction(partnershipId, focalPoints, map(action));
        }
        for (Object event : list("cooperation-events.json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("partnershipIds", List.of(partnershipId));
            body.putAll(map(event));
            ensureCooperationEvent("/api/v1/events?partnershipId=" + partnershipId, body, null);
        }
        // The EU-Japan 100 Cities Event on Climate Action (seed 004): organised by the EU Delegation to Japan and
        // IGES for many cities, not by a partnership; its agenda in Brussels' local times, published as version 1.
        Map<String, Object> hundredCities = map(read("eu-japan-100-cities.json"));
        ensureCooperationEvent("/api/v1/events?organiser=iges", map(hundredCities.get("event")),
                map(hundredCities.get("agenda")));
        for (Object event : list("matching-events.json")) {
            ensureEvent("matching event", "/api/v1/matching/events", partnershipId, map(event));
        }
        for (Object profile : list("business-profiles.json")) {
            ensureProfile(map(profile));
        }
        // Seed 000's online matching of November 2020 on products against COVID-19 (the disinfection robot and the
        // cardboard emergency room from Koriyama) with the Essen hospitals' demo profile: taking part for its whole
        // span. The seed gives no business hours or caps: none declared, maxMeetings the event's six slots.
        for (Object participant : list("matching-participants.json")) {
            ensureParticipant(partnershipId, map(participant));
        }
        for (Object opportunity : list("opportunities.json")) {
            ensureOpportunity(map(opportunity));
        }
        System.out.println("demo data: " + created + " created, " + found + " found");
    }

    // --- the resources ---------------------------------------------------------------------------------------------

    /** The gateway learns of the operator key from Kafka moments after partnership-service registered it. */
    private void awaitOperatorKey() throws IOException, InterruptedException {
        Response last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                last = send("GET", "/api/v1/partnerships?limit=1", null, null);
                if (last.status() == 200) {
                    return;
                }
            } catch (IOException e) {
                last = new Response(0, e.toString(), null);
            }
            Thread.sleep(200);
        }
        throw new LoadFailed("the gateway does not accept the operator key after 20 s (last answer: "
                + last.status() + " " + last.body() + ")");
    }

    private void ensureBySlug(String what, String base, Map<String, Object> body) throws IOException,
            InterruptedException {
        String id = (String) body.get("id");
        Response existing = expect(send("GET", base + "/" + id, null, null), "GET " + base + "/" + id, 200, 404);
        if (existing.status() == 200) {
            found(what, id);
        } else {
            expect(send("POST", base, body, null), "POST " + base + " (" + id + ")", 201);
            created(what, id);
        }
    }

    private String ensurePartnership(Map<String, Object> body) throws IOException, InterruptedException {
        String name = (String) body.get("name");
        String path = "/api/v1/partnerships?name=" + encode(name);
        List<Object> items = list(map(Json.parse(expect(send("GET", path, null, null), "GET " + path, 200).body()))
                .get("items"));
        for (Object item : items) {
            if (name.equals(map(item).get("name"))) {
                String id = (String) map(item).get("id");
                found("partnership", name + " (" + id + ")");
                return id;
            }
        }
        Response response = expect(send("POST", "/api/v1/partnerships", body, null), "POST /api/v1/partnerships", 201);
        String id = (String) map(Json.parse(response.body())).get("id");
        created("partnership", name + " (" + id + ")");
        return id;
    }

    private void ensureAgreement(String partnershipId, Map<String, Object> body) throws IOException,
            InterruptedException {
        String path = "/api/v1/partnerships/" + partnershipId;
        String title = (String) body.get("title");
        Map<String, Object> partnership = map(Json.parse(expect(send("GET", path, null, null), "GET " + path, 200)
                .body()));
        for (Object agreement : list(partnership.get("agreements"))) {
            if (title.equals(map(agreement).get("title"))) {
                found("agreement", title);
                return;
            }
        }
        expect(send("POST", path + "/agreements", body, null), "POST " + path + "/agreements", 200);
        created("agreement", title);
    }

    private String ensureFocalPoint(String partnershipId, Map<String, Object> body) throws IOException,
            InterruptedException {
        String path = "/api/v1/partnerships/" + partnershipId + "/focal-points";
        long number = number(body.get("number"));
        String label = number + " " + english(body.get("title"));
        Object listed = Json.parse(expect(send("GET", path, null, null), "GET " + path, 200).body());
        // A plain list today; a page ({"items": [...]}) would do as well.
        List<Object> items = listed instanceof Map<?, ?> page ? list(page.get("items")) : list(listed);
        for (Object item : items) {
            if (number(map(item).get("number")) == number) {
                found("focal point", label);
                return (String) map(item).get("id");
            }
        }
        Response response = expect(send("POST", path, body, null), "POST " + path, 201);
        created("focal point", label);
        return (String) map(Json.parse(response.body())).get("id");
    }

    private void ensureAction(String partnershipId, Map<Long, String> focalPoints, Map<String, Object> entry)
            throws IOException, InterruptedException {
        String base = "/api/v1/partnerships/" + partnershipId + "/actions";
        Map<String, Object> plan = new LinkedHashMap<>(map(entry.get("plan")));
        String title = english(plan.get("title"));
        String focalPointId = focalPoints.get(number(entry.get("focalPoint")));
        if (focalPointId == null) {
            throw new LoadFailed("actions.json: '" + title + "' names focal point " + entry.get("focalPoint")
                    + ", which focal-points.json does not define");
        }
        plan.put("focalPointId", focalPointId);
        Map<String, Object> action = null;
        for (Object item : all(base + "?limit=200")) {
            if (title.equals(english(map(item).get("title")))) {
                action = map(item);
            }
        }
        Response current;
        if (action == null) {
            current = expect(send("POST", base, plan, null), "POST " + base + " (" + title + ")", 201);
            created("action", title);
        } else {
            String path = base + "/" + action.get("id");
            current = expect(send("GET", path, null, null), "GET " + path, 200);
        }
        Map<String, Object> state = map(Json.parse(current.body()));
        String path = base + "/" + state.get("id");
        // The steps already taken are the status and format entries of its history (a run may have stopped half-way).
        long taken = list(state.get("history")).stream()
                .filter(h -> Set.of("STATUS", "FORMAT").contains(map(h).get("kind"))).count();
        List<Object> steps = entry.get("steps") == null ? List.of() : list(entry.get("steps"));
        if (action != null && taken >= steps.size()) {
            found("action", title + " [" + state.get("status") + "]");
            return;
        }
        for (Object step : steps.subList((int) Math.min(taken, steps.size()), steps.size())) {
            Map<String, Object> command = map(step);
            String kind = command.containsKey("status") ? "status" : "format";
            current = expect(send("POST", path + "/" + kind, map(command.get(kind)), current.etag()),
                    "POST " + path + "/" + kind + " (" + title + ")", 200);
            System.out.println("  moved action '" + title + "': " + kind + " " + Json.write(command.get(kind)));
        }
        if (action != null) {
            found("action", title + " (its remaining steps taken)");
        }
    }

    private void ensureEvent(String what, String base, String partnershipId, Map<String, Object> event)
            throws IOException, InterruptedException {
        String title = (String) event.get("title");
        for (Object item : all(base + "?partnershipId=" + partnershipId + "&limit=200")) {
            if (title.equals(map(item).get("title"))) {
                found(what, title);
                return;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnershipId", partnershipId);
        body.putAll(event);
        // The other services learn of a new partnership from Kafka within moments: 422 (unknown partnership) is
        // retried for 10 s on a first run.
        Response response = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            response = send("POST", base, body, null);
            if (response.status() != 422) {
                break;
            }
            Thread.sleep(200);
        }
        expect(response, "POST " + base + " (" + title + ")", 201);
        created(what, title);
    }

    /**
     * A cooperation event by title within {@code list}: created as a draft (422 while event-service has not heard of
     * a partnership or organisation yet is retried for 10 s), given its agenda, then published.
     */
    private void ensureCooperationEvent(String list, Map<String, Object> body, Map<String, Object> agenda)
            throws IOException, InterruptedException {
        String title = (String) body.get("title");
        for (Object item : all(list + "&limit=200")) {
            if (title.equals(map(item).get("title"))) {
                found("cooperation event", title);
                return;
            }
        }
        Response response = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            response = send("POST", "/api/v1/events", body, null);
            if (response.status() != 422) {
                break;
            }
            Thread.sleep(200);
        }
        expect(response, "POST /api/v1/events (" + title + ")", 201);
        String path = "/api/v1/events/" + map(Json.parse(response.body())).get("id");
        String etag = response.etag();
        if (agenda != null) {
            etag = expect(send("PUT", path + "/agenda", agenda, etag), "PUT " + path + "/agenda", 200).etag();
        }
        expect(send("POST", path + "/publish", null, etag), "POST " + path + "/publish", 200);
        created("cooperation event", title);
    }

    /**
     * A business taking part in the partnership's matching event of that title, free for the whole event, unless it
     * takes part already (then left alone).
     */
    private void ensureParticipant(String partnershipId, Map<String, Object> entry) throws IOException,
            InterruptedException {
        String title = (String) entry.get("matchingEvent");
        String businessId = (String) entry.get("businessId");
        Map<String, Object> event = null;
        for (Object item : all("/api/v1/matching/events?partnershipId=" + partnershipId + "&limit=200")) {
            if (title.equals(map(item).get("title"))) {
                event = map(item);
            }
        }
        if (event == null) {
            throw new LoadFailed("matching-participants.json names matching event '" + title + "', which is not there");
        }
        String base = "/api/v1/matching/events/" + event.get("id") + "/participants";
        String which = businessId + " at " + title;
        if (expect(send("GET", base + "/" + businessId, null, null), "GET " + base + "/" + businessId, 200, 404)
                .status() == 200) {
            found("matching event participant", which);
            return;
        }
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("startsAt", event.get("startsAt"));
        span.put("endsAt", event.get("endsAt"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("businessId", businessId);
        body.put("availability", List.of(span));
        body.put("maxMeetings", entry.get("maxMeetings"));
        expect(send("POST", base, body, null), "POST " + base + " (" + businessId + ")", 201);
        created("matching event participant", which);
    }

    /** A demo business profile, registered under its id unless it is there already (then left alone). */
    private void ensureProfile(Map<String, Object> profile) throws IOException, InterruptedException {
        String id = (String) profile.get("id");
        String path = "/api/v1/matching/profiles/" + id;
        Response existing = expect(send("GET", path, null, null), "GET " + path, 200, 404);
        if (existing.status() == 200) {
            found("business profile", id);
            return;
        }
        expect(send("POST", "/api/v1/matching/profiles", profile, null), "POST /api/v1/matching/profiles (" + id + ")",
                201);
        created("business profile", id);
    }

    /**
     * A demo opportunity, found by its business and English title, else drafted and published, valid for
     * {@code validForDays} from today (an opportunity is valid for at most a year, so the file holds no date).
     */
    private void ensureOpportunity(Map<String, Object> opportunity) throws IOException, InterruptedException {
        String businessId = (String) opportunity.get("businessId");
        String title = english(opportunity.get("title"));
        for (Object item : all("/api/v1/matching/opportunities?businessId=" + businessId + "&limit=200")) {
            if (title.equals(english(map(item).get("title")))) {
                found("opportunity", title);
                return;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>(opportunity);
        long days = number(body.remove("validForDays"));
        body.put("validUntil", java.time.Instant.now().plus(Duration.ofDays(days))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        Response drafted = expect(send("POST", "/api/v1/matching/opportunities", body, null),
                "POST /api/v1/matching/opportunities (" + title + ")", 201);
        String id = (String) map(Json.parse(drafted.body())).get("id");
        expect(send("POST", "/api/v1/matching/opportunities/" + id + "/publish", null, drafted.etag()),
                "POST /api/v1/matching/opportunities/" + id + "/publish", 200);
        created("opportunity", title + " (published)");
    }

    /** Every item of a list, following {@code next} cursors. */
    private List<Object> all(String firstPage) throws IOException, InterruptedException {
        List<Object> items = new ArrayList<>();
        String path = firstPage;
        while (path != null) {
            Map<String, Object> page = map(Json.parse(expect(send("GET", path, null, null), "GET " + path, 200).body()));
            items.addAll(list(page.get("items")));
            Object next = page.get("next");
            path = next == null ? null : firstPage + "&cursor=" + encode((String) next);
        }
        return items;
    }

    // --- HTTP ------------------------------------------------------------------------------------------------------

    private record Response(int status, String body, String etag) {
    }

    private Response send(String method, String path, Object body, String ifMatch) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("X-Api-Key", operatorKey);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
    }

    private static Response expect(Response response, String request, int... expected) {
        for (int status : expected) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new LoadFailed(request + " answered " + response.status() + ": " + response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // --- output and data files -------------------------------------------------------------------------------------

    private void created(String what, String which) {
        created++;
        System.out.println("  created " + what + " " + which);
    }

    private void found(String what, String which) {
        found++;
        System.out.println("  found " + what + " " + which);
    }

    private Object read(String file) throws IOException {
        Path path = data.resolve(file);
        try {
            return Json.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new LoadFailed(path + ": " + e.getMessage());
        }
    }

    private List<Object> list(String file) throws IOException {
        return list(read(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new LoadFailed("expected a JSON array, found " + Json.write(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new LoadFailed("expected a JSON object, found " + Json.write(value));
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new LoadFailed("expected a number, found " + Json.write(value));
    }

    private static String english(Object names) {
        Object english = map(names).get("en");
        if (english instanceof String text) {
            return text;
        }
        throw new LoadFailed("expected an English text (\"en\"), found " + Json.write(names));
    }

    private static final class LoadFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadFailed(String message) {
            super(message);
        }
    }

    /** Just enough JSON (RFC 8259) for the data files and the API's answers: objects keep their key order. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("unexpected text after the value");
            }
            return value;
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                out.append('"');
                for (char c : s.toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                out.append('"');
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(separator);
                    write(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                    separator = ",";
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                String separator = "";
                for (Object item : list) {
                    out.append(separator);
                    write(item, out);
                    separator = ",";
                }
                out.append(']');
            } else {
                out.append(value); // numbers and booleans
            }
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("a value expected");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("a member name expected");
                }
                String key = string();
                space();
                take(':');
                map.put(key, value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    take('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    take(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + escaped);
                }
            }
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw error("unexpected character '" + text.charAt(at) + "'");
            }
            BigDecimal number = new BigDecimal(text.substring(start, at));
            try {
                return number.longValueExact();
            } catch (ArithmeticException notWhole) {
                return number;
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error(word + " expected");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(at);
        }

        private void take(char expected) {
            if (peek() != expected) {
                throw error("'" + expected + "' expected");
            }
            at++;
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("JSON: " + message + " at offset " + at);
        }
    }
}
