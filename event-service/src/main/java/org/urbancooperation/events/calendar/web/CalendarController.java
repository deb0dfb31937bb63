package org.urbancooperation.events.calendar.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.urbancooperation.events.calendar.application.CalendarService;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Calendar feeds (RFC 5545) for calendar programs: an event's and a session's, public like the event, and each
 * participant's personal feed at a token URL that needs no credentials. Every feed has an entity tag of its bytes,
 * so a program polling with If-None-Match gets 304 until something changed.
 */
@RestController
@Tag(name = "Calendars", description = "iCalendar feeds of events, sessions and each participant's own")
class CalendarController {

    static final String ICS = "text/calendar";

    /** What a new feed's answer says; the token is in it only once. */
    record PersonalFeedResponse(
            @Schema(description = "the feed's secret; only in the answer that created it (201)") String token,
            @Schema(description = "the feed's path, to subscribe to in a calendar program; only with the token",
                    example = "/api/v1/calendars/3q2-7wEXAMPLE-token.ics") String url,
            Instant issuedAt) {
    }

    private final CalendarService calendars;
    private final CalendarMetrics metrics;

    CalendarController(CalendarService calendars, CalendarMetrics metrics) {
        this.calendars = calendars;
        this.metrics = metrics;
    }

    @GetMapping(path = "/api/v1/events/{id}/calendar.ics", produces = ICS)
    @Operation(summary = "The event as an iCalendar feed: one entry per session of its published agenda, or one "
            + "for the event while it has none (anybody when published; a draft only its organisers, and empty)")
    @ApiResponse(responseCode = "200", description = "The feed; its ETag changes whenever an entry does",
            content = @Content(mediaType = ICS, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current ETag")
    @ApiResponse(responseCode = "404", description = "No such event, or a draft the caller may not see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    ResponseEntity<String> event(@PathVariable UUID id, Caller caller, WebRequest request) {
        ResponseEntity<String> answer = ics(calendars.ofEvent(caller, id), request);
        metrics.eventFeedServed();
        return answer;
    }

    @GetMapping(path = "/api/v1/events/{id}/sessions/{sessionId}/calendar.ics", produces = ICS)
    @Operation(summary = "One session of the event's published agenda as an iCalendar feed (a removed session "
            + "stays, CANCELLED)")
    @ApiResponse(responseCode = "200", description = "The feed with one entry",
            content = @Content(mediaType = ICS, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current ETag")
    @ApiResponse(responseCode = "404", description = "No such event or session, or a draft the caller may not see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation =
            ProblemDetail.class)))
    ResponseEntity<String> session(@PathVariable UUID id, @PathVariable UUID sessionId, Caller caller,
            WebRequest request) {
        ResponseEntity<String> answer = ics(calendars.ofSession(caller, id, sessionId), request);
        metrics.sessionFeedServed();
        return answer;
    }

    @PostMapping("/api/v1/calendars")
    @Operation(summary = "Get a personal calendar feed (any signed-in caller): the sessions you registered for, "
            + "at a secret URL a calendar program can subscribe to")
    @ApiResponse(responseCode = "201", description = "A new feed; token and url are shown this once")
    @ApiResponse(responseCode = "200", description = "You have a feed already: its token was shown when it was "
            + "made; revoke it (DELETE /api/v1/calendars/mine) to get a new one")
    @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType =
            "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PersonalFeedResponse> issue(Caller caller) {
        CalendarService.PersonalFeed feed = calendars.issue(caller);
        if (!feed.created()) {
            return ResponseEntity.ok(new PersonalFeedResponse(null, null, feed.feed().issuedAt()));
        }
        metrics.tokenIssued();
        String url = "/api/v1/calendars/" + feed.token() + ".ics";
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new PersonalFeedResponse(feed.token(), url, feed.feed().issuedAt()));
    }

    @DeleteMapping("/api/v1/calendars/mine")
    @Operation(summary = "Revoke your personal calendar feed: its URL answers 404 from now on")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "You have no feed", content = @Content(mediaType =
            "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> revoke(Caller caller) {
        calendars.revoke(caller);
        metrics.tokenRevoked();
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/v1/calendars/{token}.ics", produces = ICS)
    @Operation(summary = "A personal calendar feed, by its secret token (no credentials: calendar programs send "
            + "none)")
    @ApiResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = ICS, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current ETag")
    @ApiResponse(responseCode = "404", description = "Unknown or revoked token", content = @Content(mediaType =
            "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<String> personal(@Parameter(description = "the token POST /api/v1/calendars gave")
            @PathVariable String token, WebRequest request) {
        CalendarService.Feed feed;
        try {
            feed = calendars.personal(token);
        } catch (NotFoundException e) {
            metrics.unknownToken();
            throw e;
        }
        ResponseEntity<String> answer = ics(feed, request);
        metrics.personalFeedServed();
        return answer;
    }

    private static ResponseEntity<String> ics(CalendarService.Feed feed, WebRequest request) {
        String body = ICalendarFormat.write(feed.name(), feed.entries());
        String etag = "\"" + digest(body) + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(body);
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
