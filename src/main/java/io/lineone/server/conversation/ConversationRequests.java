package io.lineone.server.conversation;

import io.lineone.api.NewMessage;
import io.lineone.api.NewNote;
import io.lineone.api.NewReplyTemplate;
import io.lineone.server.core.Validation;
import java.text.Normalizer;

/**
 * What makes a message, a note or a saved reply well-formed. Text is what a person wrote to another person: line
 * breaks allowed; control characters, broken Unicode, text with nothing visible in it and characters that
 * silently reverse how the rest reads (bidirectional overrides) refused, each with its field named.
 */
final class ConversationRequests {

    static final int MAX_TEXT = 4000;
    static final int MAX_TITLE = 80;

    private ConversationRequests() {
    }

    static void validate(NewMessage message) {
        Validation v = new Validation();
        text(v, "text", message.text(), MAX_TEXT);
        if (message.templateId() != null && !message.templateId().isEmpty()) {
            v.text("templateId", message.templateId(), 40);
        }
        v.throwIfInvalid();
    }

    static void validate(NewNote note) {
        Validation v = new Validation();
        text(v, "text", note.text(), MAX_TEXT);
        v.throwIfInvalid();
    }

    static void validate(NewReplyTemplate template) {
        Validation v = new Validation()
                .check(template.language() != null && (template.language().equals("zh") || template.language().equals("en")),
                        "language", "must be zh or en")
                .text("title", template.title(), MAX_TITLE);
        text(v, "text", template.text(), MAX_TEXT);
        v.throwIfInvalid();
    }

    /** The text as stored: NFC (so the same words compare equal), with outer white space removed. */
    static String clean(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    private static void text(Validation v, String field, String value, int max) {
        if (value == null || !hasVisible(value)) {
            v.add(field, "is required");
            return;
        }
        if (!new Validation().optionalLongText(field, value, max).ok()) {
            v.optionalLongText(field, value, max);
        } else if (value.codePoints().anyMatch(ConversationRequests::isBidiControl)) {
            v.add(field, "must not contain bidirectional control characters");
        }
    }

    /** Whether any character is more than white space or an invisible format character (U+200B and the like). */
    private static boolean hasVisible(String text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT && !Character.isISOControl(c));
    }

    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
