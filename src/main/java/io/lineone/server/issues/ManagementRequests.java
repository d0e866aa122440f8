package io.lineone.server.issues;

import io.lineone.api.DuplicateLink;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueTransfer;
import io.lineone.api.PriorityChange;
import io.lineone.server.core.Validation;

/** What makes a management request well-formed; every invalid field is named in one answer. */
final class ManagementRequests {

    private static final int MAX_NOTE = 2000;

    private ManagementRequests() {
    }

    static void validate(IssueTransfer body) {
        Validation v = new Validation().text("managerId", body.managerId(), 40);
        reason(v, "note", body.note());
        v.throwIfInvalid();
    }

    static void validate(PriorityChange body) {
        Validation v = new Validation().required("priority", body.priority());
        reason(v, "reason", body.reason());
        v.throwIfInvalid();
    }

    static void validate(IssueReopen body) {
        Validation v = new Validation();
        reason(v, "reason", body.reason());
        v.throwIfInvalid();
    }

    static void validate(DuplicateLink body) {
        Validation v = new Validation().text("originalId", body.originalId(), 40);
        v.optionalLongText("note", body.note(), MAX_NOTE);
        v.throwIfInvalid();
    }

    /** A required free text: line breaks allowed, blank not. */
    private static void reason(Validation v, String field, String text) {
        if (text == null || text.isBlank()) {
            v.add(field, "is required");
        } else {
            v.optionalLongText(field, text, MAX_NOTE);
        }
    }
}
