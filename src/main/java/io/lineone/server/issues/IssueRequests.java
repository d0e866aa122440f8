package io.lineone.server.issues;

import io.lineone.api.IssuePatch;
import io.lineone.api.NewIssue;
import io.lineone.server.core.Validation;

/** What makes an issue request well-formed; every invalid field is named in one answer. */
final class IssueRequests {

    private static final int MAX_TITLE = 200;
    private static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_NOTE = 2000;
    private static final int MAX_ROOT_CAUSE = 100;

    private IssueRequests() {
    }

    static void validate(NewIssue request) {
        Validation v = new Validation()
                .text("merchantId", request.merchantId(), 40)
                .required("category", request.category())
                .required("priority", request.priority())
                .text("title", request.title(), MAX_TITLE);
        v.optionalLongText("description", request.description(), MAX_DESCRIPTION);
        if (request.listingId() != null && !request.listingId().isEmpty()) {
            v.text("listingId", request.listingId(), 40);
        }
        if (request.releaseId() != null && !request.releaseId().isEmpty()) {
            v.text("releaseId", request.releaseId(), 40);
        }
        Long money = request.moneyAtRiskCents();
        if (money != null && (money < 0 || money > IssueService.MAX_MONEY_CENTS)) {
            v.add("moneyAtRiskCents", "must be between 0 and " + IssueService.MAX_MONEY_CENTS);
        }
        v.throwIfInvalid();
    }

    static void validate(IssuePatch patch) {
        Validation v = new Validation();
        if (patch.status() == null && patch.note() == null && patch.rootCause() == null && patch.releaseId() == null) {
            v.add("body", "must set at least one of status, note, rootCause and releaseId");
        }
        if (patch.releaseId() != null && !patch.releaseId().isEmpty()) {
            v.text("releaseId", patch.releaseId(), 40);
        }
        v.optionalLongText("note", patch.note(), MAX_NOTE);
        if (patch.rootCause() != null) {
            v.text("rootCause", patch.rootCause(), MAX_ROOT_CAUSE);
        }
        v.throwIfInvalid();
    }
}
