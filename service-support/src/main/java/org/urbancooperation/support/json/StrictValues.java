package org.urbancooperation.support.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Values exactly in their canonical text form, and nothing else. Dates and times as RFC 3339 writes them: a
 * four-digit year, hours 00-23, seconds 00-59, an explicit offset on instants (Jackson's own readers also
 * take epoch numbers, numeric strings, arrays, {@code T24:00} as the next day, {@code :60} rounded down and
 * years beyond 9999). Strings only from JSON strings. UUIDs in their 36 characters and enum constants by their exact names (Jackson's
 * trim {@code " CONFERENCE\u0000"} to a valid value).
 */
public final class StrictValues {

    public static final String DATE_EXAMPLE = "2019-08-27";
    public static final String DATE_TIME_EXAMPLE = "2023-01-25T08:00:00Z";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile(DATE.pattern() + "T" + TIME.pattern());
    /** A UUID in its 36-character form; query parameters and path variables take the same (StrictParameterBinding). */
    public static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_TIME = Pattern.compile(
            DATE.pattern() + "T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private StrictValues() {
    }

    public static JacksonModule module() {
        SimpleModule module = new SimpleModule("ucp-strict-temporals");
        module.addDeserializer(LocalDate.class, new Strict<>(LocalDate.class, DATE,
                s -> LocalDate.parse(s, strict(DateTimeFormatter.ISO_LOCAL_DATE)),
                "must be a date such as " + DATE_EXAMPLE));
        module.addDeserializer(Instant.class, new Strict<>(Instant.class, DATE_TIME,
                s -> OffsetDateTime.parse(s, strict(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).toInstant(),
                "must be a date and time with its offset such as " + DATE_TIME_EXAMPLE));
        module.addDeserializer(OffsetDateTime.class, new Strict<>(OffsetDateTime.class, DATE_TIME,
                s -> OffsetDateTime.parse(s, strict(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                "must be a date and time with its offset such as 2023-01-25T09:00:00+01:00"));
        module.addDeserializer(LocalDateTime.class, new Strict<>(LocalDateTime.class, LOCAL_DATE_TIME,
                s -> LocalDateTime.parse(s, strict(DateTimeFormatter.ISO_LOCAL_DATE_TIME)),
                "must be a local date and time such as 2023-01-25T09:00:00"));
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(UUID.class, new Strict<>(UUID.class, UUID_FORM, UUID::fromString,
                "must be a UUID such as 3f0b5f43-5d3c-4c1e-9a8e-8a1c0d1e2f3a"));
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new ExactEnumNames(deserializer, type.getRawClass());
            }
        });
        module.addDeserializer(LocalTime.class, new Strict<>(LocalTime.class, TIME,
                s -> LocalTime.parse(s, strict(DateTimeFormatter.ISO_LOCAL_TIME)),
                "must be a time of day such as 09:00"));
        return module;
    }

    private static DateTimeFormatter strict(DateTimeFormatter formatter) {
        return formatter.withResolverStyle(ResolverStyle.STRICT);
    }

    private static final class Strict<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final Pattern shape;
        private final Function<String, T> parse;
        private final String expected;

        Strict(Class<T> type, Pattern shape, Function<String, T> parse, String expected) {
            super(type);
            this.type = type;
            this.shape = shape;
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, type, expected);
            }
            String text = p.getString();
            if (shape.matcher(text).matches()) {
                try {
                    return parse.apply(text);
                } catch (DateTimeException e) {
                    // e.g. 2023-02-30, 24:00, :60: well formed, but no such date or time
                }
            }
            throw InvalidFormatException.from(p, expected, text, type);
        }
    }

    /**
     * A string is a JSON string: no number, boolean, array or object made into one. Also keeps a list of strings
     * strict, whose entries Jackson otherwise reads with a lenient reader of its own (an array in a list of
     * strings is then not refused at its index but as trailing content of the whole body).
     */
    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, String.class, "must be a string");
            }
            return p.getString();
        }
    }

    /** An enum's own reader, given only a name without anything around it: no trimming into a valid value. */
    private static final class ExactEnumNames extends DelegatingDeserializer {

        private final Class<?> type;

        ExactEnumNames(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new ExactEnumNames(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getString();
                if (text.isEmpty() || !text.equals(text.strip()) || text.chars().anyMatch(Character::isISOControl)) {
                    throw InvalidFormatException.from(p, JsonReadProblems.expected(type), text, type);
                }
            }
            return super.deserialize(p, ctxt);
        }
    }
}
