package io.lineone.server.auth;

import io.lineone.server.core.Caller;
import java.util.List;

/**
 * Who may see what of the merchants' books — the one place that says it. A MANAGER sees the merchants assigned
 * to them (and everything of those merchants: issues, events); a PRODUCT_OWNER none, since they own releases, not
 * merchants; everyone else all of them. What belongs to no merchant (a release, a bell) everyone sees.
 *
 * <p>The services ask {@link #seesBookOf}, the live event stream asks {@link #seesEvent}, and queries that must
 * filter in the database take {@link #sql} and {@link #parameters}, so the three can never disagree.
 *
 * @param managerId the one book visible, for {@link Kind#BOOK}; null otherwise
 */
public record Visibility(Kind kind, String managerId) {

    public enum Kind { ALL, BOOK, NONE }

    public static final Visibility EVERYTHING = new Visibility(Kind.ALL, null);

    public Visibility {
        if ((kind == Kind.BOOK) != (managerId != null)) {
            throw new IllegalArgumentException("a manager id goes with, and only with, one book");
        }
    }

    public static Visibility of(Caller caller) {
        return switch (caller.role()) {
            case MANAGER -> bookOf(caller.id());
            case PRODUCT_OWNER -> new Visibility(Kind.NONE, null);
            case SUPERVISOR, ADMIN, SERVICE -> EVERYTHING;
        };
    }

    public static Visibility bookOf(String managerId) {
        return new Visibility(Kind.BOOK, managerId);
    }

    /** Whether the caller may see a merchant (or anything of it) assigned to {@code managerId}, which may be null. */
    public static boolean seesBookOf(Caller caller, String managerId) {
        return of(caller).seesBookOf(managerId);
    }

    public boolean seesBookOf(String assignedManagerId) {
        return switch (kind) {
            case ALL -> true;
            case BOOK -> managerId.equals(assignedManagerId);
            case NONE -> false;
        };
    }

    /** Whether an event of {@code merchantId} (null: of no merchant), whose merchant {@code managerId} has. */
    public boolean seesEvent(String merchantId, String assignedManagerId) {
        return merchantId == null || seesBookOf(assignedManagerId);
    }

    /**
     * The same rule as a SQL condition on a column holding a merchant's assigned manager; bind its parameter
     * with {@link #parameters}.
     */
    public String sql(String managerColumn) {
        return switch (kind) {
            case ALL -> "1 = 1";
            case BOOK -> managerColumn + " = ?";
            case NONE -> "1 = 0";
        };
    }

    /** The parameters of {@link #sql}, in order. */
    public List<Object> parameters() {
        return kind == Kind.BOOK ? List.of(managerId) : List.of();
    }
}
