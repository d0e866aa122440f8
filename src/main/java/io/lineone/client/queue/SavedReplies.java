package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.ReplyTemplate;
import io.lineone.api.User;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The saved replies offered for the issue in the drawer: its category's, in the console's language, read once per
 * category and session; the one chosen, and how it reads with the issue's facts filled in.
 */
public final class SavedReplies {

    private final Backend backend;
    private final TaskExecutor executor;
    private final ConversationText text;
    private final User me;
    private final ObservableValue<Issue> shown;
    private final ObservableList<ReplyTemplate> templates = FXCollections.observableArrayList();
    // The view's read-only view of the list, made once: a wrapper made per call would drop its listeners.
    private final ObservableList<ReplyTemplate> templatesShown = FXCollections.unmodifiableObservableList(templates);
    private final Map<IssueCategory, List<ReplyTemplate>> byCategory = new EnumMap<>(IssueCategory.class);
    private final ObjectProperty<ReplyTemplate> template = new SimpleObjectProperty<>();
    private final StringBinding preview;

    SavedReplies(Backend backend, TaskExecutor executor, ConversationText text, User me,
                 ObservableValue<Issue> shown) {
        this.backend = backend;
        this.executor = executor;
        this.text = text;
        this.me = me;
        this.shown = shown;
        preview = Bindings.createStringBinding(() -> template.get() == null ? "" : filled(template.get()),
                template, shown);
    }

    /**
     * Offers the saved replies of {@code category}; none is chosen.
     *
     * @param current whether the issue they were asked for is still the one shown when they arrive
     */
    void offer(IssueCategory category, BooleanSupplier current) {
        template.set(null);
        List<ReplyTemplate> known = byCategory.get(category);
        if (known != null) {
            templates.setAll(known);
            return;
        }
        templates.clear();
        executor.execute(() -> backend.conversation().replyTemplates(category), all -> {
            List<ReplyTemplate> mine = all.stream().filter(t -> text.language().equals(t.language())).toList();
            byCategory.put(category, mine);
            if (current.getAsBoolean()) {
                templates.setAll(mine);
            }
        }, failure -> {
            // Without saved replies the user still types their own; the conversation says if the server is gone.
        });
    }

    /** Chooses the {@code index}-th saved reply (from 0); false if there is none. */
    boolean choose(int index) {
        if (index < 0 || index >= templates.size()) {
            return false;
        }
        template.set(templates.get(index));
        return true;
    }

    /** A saved reply as it would go out for the shown issue, its facts filled in. */
    public String filled(ReplyTemplate reply) {
        return text.fill(reply, shown.getValue(), me.displayName());
    }

    /** The saved replies for the shown issue's category, in the console's language. */
    public ObservableList<ReplyTemplate> templates() {
        return templatesShown;
    }

    public ObjectProperty<ReplyTemplate> templateProperty() {
        return template;
    }

    /** The chosen saved reply as it would go out: the issue's facts filled in. */
    public StringBinding previewProperty() {
        return preview;
    }
}
