package org.urbancooperation.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.urbancooperation.support.paging.PageRequest;

import tools.jackson.databind.JsonNode;

/**
 * Proves over HTTP what every list of the platform promises (service-support's {@code paging}): a client that
 * follows {@code next} as {@code cursor} sees every item that existed before it began <b>exactly once</b>, and
 * no item twice, however many items are inserted or changed between its pages; a cursor the API did not issue
 * unchanged is a {@code 400} problem naming {@code cursor}; a {@code limit} outside 1..200 is a {@code 400}
 * naming {@code limit}.
 *
 * <p>For any list, in any service's API test (partnerships, cities, organisations, ... alike):
 *
 * <pre>{@code
 * PaginationCheck.of(http(), "/api/v1/events?partnershipId=" + partnershipId)
 *         .creating(() -> scheduleEvent(partnershipId))       // makes one item, returns its id
 *         .changing(id -> renameEvent(id))                    // changes an existing item (any field)
 *         .verify();
 * }</pre>
 *
 * <ul>
 * <li>{@code list} is the list's path with its filters (the check adds {@code cursor} and {@code limit}); the
 * items must be JSON objects with their id in {@link #idField(String) idField} ({@code id} unless told).
 * <li>{@code creating} must create an item the list shows (same filter), and return its id; {@code changing}
 * must change the item with that id, through the API if it has a way, else in the database (the guarantee is
 * about the list, not about how an item changed).
 * <li>{@link #verify()} first creates items until the list holds at least {@link #existing(int)} (default 10),
 * reads it whole (no repeats), then walks it with {@link #limit(int)} (default 3) while a second thread, between
 * every two pages, inserts an item and changes two existing ones (one the walk has passed, one it has not), and
 * checks what the walk saw. Then the cursor and limit refusals. Each part is also a method of its own.
 * </ul>
 * The caller ({@link ServiceHttp#as}) must be allowed to read the list and, through {@code creating} and
 * {@code changing}, to write; the check does not care who.
 */
public final class PaginationCheck {

    private final ServiceHttp http;
    private final String list;
    private String idField = "id";
    private Supplier<String> creating;
    private Consumer<String> changing;
    private int limit = 3;
    private int existing = 10;

    private PaginationCheck(ServiceHttp http, String list) {
        this.http = http;
        this.list = list;
    }

    /** @param list the list's path with its filters, e.g. {@code /api/v1/events?partnershipId=...} */
    public static PaginationCheck of(ServiceHttp http, String list) {
        return new PaginationCheck(http, list);
    }

    /** Creates one item the list shows and returns its id. */
    public PaginationCheck creating(Supplier<String> creating) {
        this.creating = creating;
        return this;
    }

    /** Changes the item with this id. */
    public PaginationCheck changing(Consumer<String> changing) {
        this.changing = changing;
        return this;
    }

    /** The items' id field, {@code id} unless told (e.g. {@code keyId}). */
    public PaginationCheck idField(String idField) {
        this.idField = idField;
        return this;
    }

    /** The page size of the walk, 3 unless told. */
    public PaginationCheck limit(int limit) {
        this.limit = limit;
        return this;
    }

    /** How many items the list holds at least before the walk, 10 unless told. */
    public PaginationCheck existing(int existing) {
        this.existing = existing;
        return this;
    }

    /** All of it: the walk under concurrent writes, then the cursor and limit refusals. */
    public void verify() {
        walkWhileOthersWrite();
        refusesTamperedCursors();
        refusesLimitsOutOfRange();
    }

    /**
     * Walks the list page by page while another thread inserts and changes items between the pages.
     *
     * @return the ids the walk saw, in its order
     */
    public List<String> walkWhileOthersWrite() {
        if (creating == null || changing == null) {
            throw new IllegalStateException("PaginationCheck needs creating(...) and changing(...)");
        }
        Set<String> before = new LinkedHashSet<>(readWhole());
        while (before.size() < Math.max(existing, 2 * limit + 1)) {
            before.add(creating.get());
        }
        before = new LinkedHashSet<>(readWhole());
        List<String> beforeInOrder = new ArrayList<>(before);

        List<String> seen = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "pagination-check-writer"));
        try {
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = page(cursor, limit);
                List<String> ids = ids(page);
                assertThat(ids.size()).as("page %d holds at most limit=%d items: %s", pages, limit, page)
                        .isLessThanOrEqualTo(limit);
                seen.addAll(ids);
                String previous = cursor;
                cursor = next(page);
                pages++;
                assertThat(cursor == null || (!ids.isEmpty() && !cursor.equals(previous)))
                        .as("page %d moves on (items %s, next %s after %s)", pages, ids, cursor, previous).isTrue();
                assertThat(pages).as("the walk ends").isLessThanOrEqualTo(4 * before.size() + 100);
                if (cursor != null) {
                    // Between two pages, on another thread: one new item, one change behind the walk, one ahead.
                    int passed = seen.size();
                    Future<?> writes = writer.submit(() -> {
                        inserted.add(creating.get());
                        String behind = seen.get(passed - 1);
                        changing.accept(behind);
                        changed.add(behind);
                        beforeInOrder.stream().filter(id -> !seen.contains(id) && !changed.contains(id)).findFirst()
                                .ifPresent(ahead -> {
                                    changing.accept(ahead);
                                    changed.add(ahead);
                                });
                    });
                    writes.get(60, TimeUnit.SECONDS);
                }
            } while (cursor != null);
        } catch (Exception e) {
            throw new AssertionError("the writes between pages failed: " + e, e);
        } finally {
            writer.shutdownNow();
        }

        Set<String> distinct = new HashSet<>();
        List<String> repeated = seen.stream().filter(id -> !distinct.add(id)).toList();
        assertThat(repeated).as("items seen twice (walk %s, inserted %s, changed %s)", seen, inserted, changed)
                .isEmpty();
        assertThat(distinct).as("every item that existed before the walk, seen (inserted %s, changed %s)",
                inserted, changed).containsAll(before);
        assertThat(changed).as("the check changed items during the walk").isNotEmpty();
        return seen;
    }

    /** A cursor changed in one character, cut, extended or made up is a 400 problem naming {@code cursor}. */
    public void refusesTamperedCursors() {
        String cursor = next(page(null, 1));
        assertThat(cursor).as("a list with more than one item has a next page").isNotNull();
        assertThat(page(cursor, 1)).as("the cursor as issued works").isNotNull();
        List<String> tampered = new ArrayList<>();
        for (int i : new int[] {0, cursor.length() / 2, cursor.length() - 1}) {
            char c = cursor.charAt(i);
            tampered.add(cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1));
        }
        tampered.add(cursor.substring(0, cursor.length() - 1));
        tampered.add(cursor.substring(0, cursor.length() / 2));
        tampered.add(cursor + "A");
        tampered.add("");
        tampered.add("c1.MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw.AAAAAAAAAAAA");
        tampered.add("00000000-0000-0000-0000-000000000000");
        tampered.add("x".repeat(600));
        tampered.add("{\"$gt\":\"\"}");
        for (String bad : tampered) {
            assertRefused(get(cursorQuery(bad) + "&limit=1"), "cursor", "cursor " + bad);
        }
    }

    /** {@code limit} 0 and 201 are 400 problems naming {@code limit}; 1 and 200 are fine. */
    public void refusesLimitsOutOfRange() {
        assertRefused(get("limit=0"), "limit", "limit=0");
        assertRefused(get("limit=" + (PageRequest.MAX_LIMIT + 1)), "limit", "limit=" + (PageRequest.MAX_LIMIT + 1));
        assertRefused(get("limit=-1"), "limit", "limit=-1");
        for (int fine : new int[] {1, PageRequest.MAX_LIMIT}) {
            HttpResponse<String> response = get("limit=" + fine);
            assertThat(response.statusCode()).as("limit=%d: %s", fine, response.body()).isEqualTo(200);
        }
    }

    /**
     * The list's operation in an OpenAPI document ({@code /v3/api-docs}) is documented as a page: query parameters
     * {@code cursor} and {@code limit} (1 to 200), no {@code offset}, and a 200 response whose schema has
     * {@code items} (an array) and {@code next} (a string or null), both required.
     */
    public static void assertDocumentedAsPage(JsonNode apiDocs, String path) {
        JsonNode get = apiDocs.path("paths").path(path).path("get");
        assertThat(get.isObject()).as("GET %s is documented", path).isTrue();
        List<String> parameters = get.path("parameters").valueStream().map(p -> p.path("name").asString()).toList();
        assertThat(parameters).as("parameters of GET %s", path).contains("cursor", "limit").doesNotContain("offset");
        JsonNode limit = get.path("parameters").valueStream().filter(p -> p.path("name").asString().equals("limit"))
                .findFirst().orElseThrow().path("schema");
        assertThat(limit.path("minimum").asInt()).isEqualTo(1);
        assertThat(limit.path("maximum").asInt()).isEqualTo(PageRequest.MAX_LIMIT);
        JsonNode schema = get.at("/responses/200/content/application~1json/schema");
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            schema = apiDocs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        assertThat(schema.path("properties").path("items").path("type").asString()).as("items of %s", schema)
                .isEqualTo("array");
        assertThat(schema.path("properties").path("next").toString()).as("next of %s", schema).contains("string")
                .contains("null");
        assertThat(schema.path("required").valueStream().map(JsonNode::asString)).contains("items", "next");
    }

    /** The whole list, followed from page to page with the largest limit; fails on a repeat. */
    public List<String> readWhole() {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page(cursor, PageRequest.MAX_LIMIT);
            all.addAll(ids(page));
            cursor = next(page);
        } while (cursor != null);
        assertThat(new HashSet<>(all)).as("no repeats in %s", all).hasSameSizeAs(all);
        return all;
    }

    private JsonNode page(String cursor, int size) {
        HttpResponse<String> response = get((cursor == null ? "" : cursorQuery(cursor) + "&") + "limit=" + size);
        assertThat(response.statusCode()).as("%s: %s", list, response.body()).isEqualTo(200);
        JsonNode page = ServiceHttp.json(response);
        assertThat(page.isObject() && page.path("items").isArray() && page.has("next"))
                .as("a page is {\"items\": [...], \"next\": ...}: %s", page).isTrue();
        return page;
    }

    private List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            String id = item.path(idField).asString("");
            assertThat(id).as("item without %s: %s", idField, item).isNotEmpty();
            ids.add(id);
        }
        return ids;
    }

    private static String next(JsonNode page) {
        JsonNode next = page.path("next");
        return next.isNull() || next.isMissingNode() ? null : next.asString();
    }

    private static String cursorQuery(String cursor) {
        return "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String query) {
        return http.get(list + (list.contains("?") ? "&" : "?") + query);
    }

    private static void assertRefused(HttpResponse<String> response, String field, String what) {
        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
        JsonNode problem = ServiceHttp.json(response);
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()))
                .as("%s names %s: %s", what, field, problem).containsExactly(field);
    }
}
