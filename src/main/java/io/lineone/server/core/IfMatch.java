package io.lineone.server.core;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code If-Match} precondition: {@code *} or a list of entity tags. Our tags are the version in quotes
 * ({@code "7"}); a weak tag ({@code W/"7"}) or a bare number are taken too. A tag that is not a version of ours
 * simply never matches.
 */
public record IfMatch(boolean any, List<Long> versions) {

    /** The precondition of a header value; null when the header is absent. */
    public static IfMatch parse(String header) {
        if (header == null) {
            return null;
        }
        List<Long> versions = new ArrayList<>();
        boolean any = false;
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.equals("*")) {
                any = true;
                continue;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (!tag.isEmpty() && tag.length() <= 18 && tag.chars().allMatch(Character::isDigit)) {
                versions.add(Long.parseLong(tag));
            }
        }
        return new IfMatch(any, List.copyOf(versions));
    }

    public boolean matches(long version) {
        return any || versions.contains(version);
    }

    /** The {@code ETag} of a version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
