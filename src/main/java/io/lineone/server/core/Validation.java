package io.lineone.server.core;

import io.lineone.api.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request, so one answer lists them all. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else if (value.codePointCount(0, value.length()) > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            add(field, "must not contain control characters");
        } else if (hasLoneSurrogate(value)) {
            add(field, "is not valid Unicode text");
        }
        return this;
    }

    /** Optional free text: line breaks and tabs allowed, other control characters and broken Unicode not. */
    public Validation optionalLongText(String field, String value, int maxLength) {
        if (value == null) {
            return this;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            add(field, "must not contain control characters");
        } else if (hasLoneSurrogate(value)) {
            add(field, "is not valid Unicode text");
        }
        return this;
    }

    public Validation required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
        return this;
    }

    public Validation range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            add(field, "must be between " + trim(min) + " and " + trim(max));
        }
        return this;
    }

    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public Validation add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String trim(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
