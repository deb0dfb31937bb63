package org.urbancooperation.support.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in the API's words what is wrong with a JSON request body, for a problem's {@code errors}: the
 * field by its full path and what it must be. Never Jackson's own message, which names Java classes
 * and features.
 */
public final class JsonReadProblems {

    /** What a reading error means for the client. {@code field} is empty when no one field is at fault. */
    public record Refusal(String field, String message) {
    }

    private JsonReadProblems() {
    }

    public static Refusal of(JacksonException e) {
        String field = JsonFieldPaths.of(e);
        return new Refusal(field, message(e, field));
    }

    private static String message(JacksonException e, String field) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof StreamConstraintsException) {
            return "is nested too deeply or too long";
        }
        if (e instanceof StreamReadException) {
            String original = String.valueOf(e.getOriginalMessage());
            if (original.startsWith("Duplicate")) {
                return "is given more than once";
            }
            if (original.contains("UTF-8") || original.contains("UTF8")) {
                return "is not valid UTF-8 text";
            }
            return field.isEmpty() ? "The request body is not valid JSON"
                    : "is not valid JSON (numbers are decimal; texts are in double quotes; NaN, Infinity and "
                            + "hexadecimal numbers are not JSON)";
        }
        if (e instanceof MismatchedInputException m) {
            String original = String.valueOf(m.getOriginalMessage());
            if (original.startsWith("must be")) {
                return original; // our own strict readers' words (StrictValues)
            }
            if (original.startsWith("No content")) {
                return "The request body is missing";
            }
            if (original.contains("null") && m.getTargetType() != null && m.getTargetType().isPrimitive()
                    && !(m instanceof InvalidFormatException)) {
                return "must not be null";
            }
            return expected(m.getTargetType());
        }
        return "has a value of the wrong type or format";
    }

    /** What a value of {@code type} must be, in the API's words. */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type or format";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == UUID.class) {
            return "must be a UUID such as 3f0b5f43-5d3c-4c1e-9a8e-8a1c0d1e2f3a";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has a value of the wrong type or format";
    }
}
