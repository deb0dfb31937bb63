package org.urbancooperation.support.json;

import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Names a place in a JSON request body the way the API's errors do: {@code cities[0].timeZone}. Where
 * databinding failed, Jackson's reference path says it; where the JSON itself is broken (NaN, a duplicate
 * key, a bad byte) only the parser knows where it was, so its read context is asked instead.
 */
public final class JsonFieldPaths {

    private JsonFieldPaths() {
    }

    /** The field a reading error is about; empty when it is about the body as a whole. */
    public static String of(JacksonException e) {
        if (e instanceof StreamReadException s && s.processor() != null) {
            String fromParser = of(s.processor());
            if (!fromParser.isEmpty()) {
                return fromParser;
            }
        }
        if (e.getPath().isEmpty() && e.processor() instanceof JsonParser parser) {
            return of(parser); // e.g. a list entry of the wrong kind, which Jackson reports without a path
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (e instanceof InvalidFormatException bad && String.valueOf(bad.getOriginalMessage()).contains("Map key")) {
            // A key of the wrong form (not a UUID, say) is reported at the map: the key is the field at fault.
            path.append(path.isEmpty() ? "" : ".").append(bad.getValue());
        }
        return path.toString();
    }

    /** Where the parser is now: the property or array entry it was reading. */
    public static String of(JsonParser parser) {
        Deque<String> parts = new ArrayDeque<>();
        TokenStreamContext context = parser.streamReadContext();
        if (context != null && (parser.hasToken(JsonToken.START_ARRAY) || parser.hasToken(JsonToken.START_OBJECT))) {
            context = context.getParent(); // the value that starts here is the one at fault, not its first entry
        }
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.currentName() == null) {
                    continue;
                }
                parts.push("." + c.currentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        parts.forEach(path::append);
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }
}
