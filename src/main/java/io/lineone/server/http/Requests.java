package io.lineone.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import io.lineone.api.Json;
import io.lineone.api.Problem.FieldError;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads request bodies and query parameters, answering 400 with the offending field for anything off. */
public final class Requests {

    static final long MAX_BODY_BYTES = 1024 * 1024;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private static final ObjectMapper JSON = Json.mapper();
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Requests() {
    }

    public static <T> T body(Context ctx, Class<T> type) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY_BYTES) {
            throw DomainException.of(DomainException.Kind.CONTENT_TOO_LARGE, "body.tooLarge");
        }
        if (bytes.length == 0) {
            throw DomainException.invalid("body", "a JSON body is required");
        }
        try {
            T value = JSON.readValue(bytes, type);
            if (value == null) {
                throw DomainException.invalid("body", "must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(List.of(fieldError(e)));
        } catch (IOException e) {
            throw DomainException.invalid("body", "could not be read");
        }
    }

    /** A body that may be left out: null when there is none. */
    public static <T> T optionalBody(Context ctx, Class<T> type) {
        return ctx.bodyAsBytes().length == 0 ? null : body(ctx, type);
    }

    /**
     * The {@code Idempotency-Key} header, null when absent: 1 to 200 visible ASCII characters, so it can be
     * stored and compared as it is.
     */
    public static String idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    /**
     * An ISO-8601 instant query parameter such as {@code 2026-11-01T00:00:00Z}; null when absent. Years 1 to 9999
     * only: windows are counted back from it and stored as timestamps, and Java's far ends overflow both.
     */
    public static Instant instantParam(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "must be an instant such as 2026-11-01T00:00:00Z");
        }
        if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
            throw DomainException.invalid(name, "must be an instant from the year 1 to 9999");
        }
        return instant;
    }

    /** A {@code true}/{@code false} query parameter; false when absent. */
    public static boolean flag(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty() || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw DomainException.invalid(name, "must be true or false");
    }

    public static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw DomainException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    public static Cursor cursor(Context ctx) {
        return Cursor.parse(ctx.queryParam("cursor"));
    }

    public static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(name, "must be one of " + allowed(type));
        }
    }

    public static String textParam(Context ctx, String name, int maxLength) {
        String text = ctx.queryParam(name);
        if (text != null && text.length() > maxLength) {
            throw DomainException.invalid(name, "must be at most " + maxLength + " characters");
        }
        if (text != null && text.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid(name, "must not contain control characters");
        }
        return text;
    }

    private static FieldError fieldError(JsonProcessingException e) {
        // Jackson's own words for these name its classes: say what is wrong without them.
        if (e instanceof StreamConstraintsException) {
            return new FieldError("body", "is not valid JSON: a number, a string or the nesting is too long");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            if (e instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                String values = allowed((Class) format.getTargetType());
                return new FieldError(field, "must be one of " + values);
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new FieldError(field, "must be " + describe(mismatch.getTargetType()));
            }
            // A value type that refuses a value says why (an enum with wire names: "must be one of g, kg, jin").
            if (e.getCause() instanceof IllegalArgumentException reason && reason.getMessage() != null
                    && reason.getMessage().startsWith("must ")) {
                return new FieldError(field, reason.getMessage());
            }
            return new FieldError(field, "has a wrong value");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError("body", "must be a JSON object");
        }
        String message = e.getOriginalMessage();
        return new FieldError("body", "is not valid JSON" + (message == null ? "" : ": " + firstLine(message)));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number in range";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            String values = allowed((Class) type);
            return "one of " + values;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse(text);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
