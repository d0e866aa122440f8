package io.lineone.api;

import java.time.Instant;

/**
 * A saved reply for one category of issue, in one language ({@code zh} or {@code en}). Its text may hold the
 * placeholders {@code {merchant}}, {@code {title}}, {@code {money}} and {@code {manager}}, which the console
 * fills from the issue before the manager sends it.
 */
public record ReplyTemplate(String id, IssueCategory category, String language, String title, String text,
                            Instant createdAt) {
}
