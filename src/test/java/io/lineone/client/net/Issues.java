package io.lineone.client.net;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueSource;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import java.time.Duration;
import java.time.Instant;

/** Issues for tests: {@code Issues.issue("i-1").priority(P1).build()}, and copies with changes. */
public final class Issues {

    private Issues() {
    }

    /** A NEW P3 pricing issue of merchant m-1 created at {@code 2026-11-23T06:00:00Z}, SLA 30 min / 72 h. */
    public static Builder issue(String id) {
        Builder b = new Builder();
        b.id = id;
        return b;
    }

    public static Builder with(Issue i) {
        Builder b = new Builder();
        b.id = i.id();
        b.merchantId = i.merchantId();
        b.merchantName = i.merchantName();
        b.category = i.category();
        b.priority = i.priority();
        b.status = i.status();
        b.title = i.title();
        b.description = i.description();
        b.listingId = i.listingId();
        b.releaseId = i.releaseId();
        b.rootCause = i.rootCause();
        b.money = i.moneyAtRiskCents();
        b.assigneeId = i.assigneeId();
        b.assigneeName = i.assigneeName();
        b.createdAt = i.createdAt();
        b.updatedAt = i.updatedAt();
        b.firstResponseAt = i.firstResponseAt();
        b.firstResponseDueAt = i.firstResponseDueAt();
        b.resolutionDueAt = i.resolutionDueAt();
        b.pausedSince = i.pausedSince();
        b.pauseCount = i.pauseCount();
        b.pausedSeconds = i.pausedSeconds();
        b.version = i.version();
        b.managerId = i.managerId();
        b.duplicateOf = i.duplicateOf();
        return b;
    }

    /** Mutable on purpose: a test builds what it needs in a line. */
    public static final class Builder {
        private String id;
        private String merchantId = "m-1";
        private String merchantName = "杭州西湖茶叶有限公司";
        private IssueCategory category = IssueCategory.PRICING_ERROR;
        private Priority priority = Priority.P3;
        private IssueStatus status = IssueStatus.NEW;
        private String title = "Price shown as ¥0.99 instead of ¥99";
        private String description = "";
        private String listingId;
        private String releaseId;
        private String rootCause;
        private long money;
        private String assigneeId;
        private String assigneeName;
        private Instant createdAt = Instant.parse("2026-11-23T06:00:00Z");
        private Instant updatedAt;
        private Instant firstResponseAt;
        private Instant resolvedAt;
        private Instant firstResponseDueAt;
        private Instant resolutionDueAt;
        private Instant pausedSince;
        private int pauseCount;
        private long pausedSeconds;
        private long version = 1;
        private String managerId;
        private String duplicateOf;

        public Builder merchant(String newId, String name) {
            merchantId = newId;
            merchantName = name;
            return this;
        }

        public Builder category(IssueCategory value) {
            category = value;
            return this;
        }

        public Builder priority(Priority value) {
            priority = value;
            return this;
        }

        public Builder status(IssueStatus value) {
            status = value;
            if (value != IssueStatus.NEW && firstResponseAt == null) {
                firstResponseAt = createdAt.plusSeconds(10);
            }
            if (value == IssueStatus.WAITING_MERCHANT) {
                pausedSince = createdAt.plusSeconds(20);
            } else {
                pausedSince = null;
            }
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder listing(String value) {
            listingId = value;
            return this;
        }

        public Builder rootCause(String value) {
            rootCause = value;
            return this;
        }

        public Builder money(long cents) {
            money = cents;
            return this;
        }

        public Builder assignee(String newId, String name) {
            assigneeId = newId;
            assigneeName = name;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /** When the first response was given (the status setter assumes ten seconds after creation). */
        public Builder firstResponseAt(Instant value) {
            firstResponseAt = value;
            return this;
        }

        public Builder resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        public Builder due(Instant firstResponse, Instant resolution) {
            firstResponseDueAt = firstResponse;
            resolutionDueAt = resolution;
            return this;
        }

        /** The pause record: how many pauses, their total, and when the running one began (null: none runs). */
        public Builder pauses(int count, long totalSeconds, Instant since) {
            pauseCount = count;
            pausedSeconds = totalSeconds;
            pausedSince = since;
            return this;
        }

        public Builder release(String value) {
            releaseId = value;
            return this;
        }

        /** The manager whose queue holds the issue (none unless told). */
        public Builder manager(String value) {
            managerId = value;
            return this;
        }

        public Builder duplicateOf(String value) {
            duplicateOf = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Issue build() {
            Instant first = firstResponseDueAt != null ? firstResponseDueAt : createdAt.plus(Duration.ofMinutes(30));
            Instant resolution = resolutionDueAt != null ? resolutionDueAt : createdAt.plus(Duration.ofHours(72));
            return new Issue(id, merchantId, merchantName, category, IssueSource.MERCHANT, priority, status, title,
                    description, listingId, releaseId, rootCause, money, assigneeId, assigneeName, createdAt,
                    updatedAt != null ? updatedAt : createdAt, firstResponseAt, resolvedAt, first, resolution, pauseCount,
                    pausedSeconds, pausedSince, version, managerId, duplicateOf);
        }
    }
}
