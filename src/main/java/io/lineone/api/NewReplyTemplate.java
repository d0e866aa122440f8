package io.lineone.api;

/** Body of {@code POST /reply-templates} (SUPERVISOR, ADMIN). */
public record NewReplyTemplate(IssueCategory category, String language, String title, String text) {
}
