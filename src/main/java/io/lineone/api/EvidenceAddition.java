package io.lineone.api;

import java.util.List;

/** Body of {@code POST /bells/{id}/evidence}: more issues that show the problem. */
public record EvidenceAddition(List<String> issueIds) {
}
