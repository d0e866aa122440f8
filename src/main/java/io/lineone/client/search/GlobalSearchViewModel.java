package io.lineone.client.search;

import io.lineone.api.Issue;
import io.lineone.api.Merchant;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SearchText;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.merchants.MerchantRow;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import io.lineone.client.queue.IssueRow;
import io.lineone.client.queue.IssueText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Ctrl+K: merchants and issues together, by name, shop, title or id, pinyin included. The open issues are the live
 * ones the session already holds; the book of merchants is read once when the search is first opened (and again
 * when it has grown old), off the FX thread, so a keystroke only filters memory. An id that matches no open issue is
 * asked of the server, so a resolved issue is found by its id too.
 */
public final class GlobalSearchViewModel {

    /** Results of each kind: a search box lists, it does not page. */
    static final int SHOWN = 8;
    /** A book read longer ago than this is read again when the search opens. */
    static final Duration BOOK_AGE = Duration.ofMinutes(5);

    private final ObservableList<IssueRow> issues;
    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final IssueText issueText;
    private final boolean wholeTeam;
    private final Consumer<String> openIssue;
    private final Consumer<String> openMerchant;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loadingBook = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private List<MerchantRow> book = List.of();
    private Instant bookReadAt;
    private boolean bookFailed;

    /**
     * @param issues       the session's live issues
     * @param wholeTeam    search every merchant the caller may see (supervisors) rather than their own book
     * @param openIssue    shows an issue in the queue
     * @param openMerchant shows a merchant on the merchants screen
     */
    public GlobalSearchViewModel(ObservableList<IssueRow> issues, Backend backend, TaskExecutor executor,
                                 Messages messages, IssueText issueText, boolean wholeTeam,
                                 Consumer<String> openIssue, Consumer<String> openMerchant) {
        this.issues = issues;
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.issueText = issueText;
        this.wholeTeam = wholeTeam;
        this.openIssue = openIssue;
        this.openMerchant = openMerchant;
        query.addListener((obs, old, now) -> search());
    }

    /** The search opens: an empty box, and the book read if it is not at hand or has grown old. */
    public void begin(Instant now) {
        if (!loadingBook.get() && (bookReadAt == null || bookFailed || bookReadAt.plus(BOOK_AGE).isBefore(now))) {
            loadingBook.set(true);
            executor.execute(this::readBook, rows -> {
                book = rows;
                bookReadAt = now;
                bookFailed = false;
                loadingBook.set(false);
                search();
            }, failure -> {
                bookFailed = true;
                loadingBook.set(false);
                search();
            });
        }
        query.set("");
        search();
    }

    private List<MerchantRow> readBook() throws BackendException {
        List<Merchant> merchants = wholeTeam ? backend.merchants().allVisibleMerchants() : backend.merchants().allMyMerchants();
        List<MerchantRow> rows = new ArrayList<>(merchants.size());
        for (Merchant merchant : merchants) {
            rows.add(MerchantRow.of(merchant));
        }
        return rows;
    }

    private void search() {
        String typed = query.get() == null ? "" : query.get().strip();
        String[] terms = SearchText.terms(typed);
        List<SearchHit> found = new ArrayList<>();
        if (terms.length > 0) {
            found.addAll(merchantHits(typed, terms));
            found.addAll(issueHits(terms));
        }
        hits.setAll(found);
        status.set(describe(typed, found.isEmpty()));
        if (found.stream().noneMatch(hit -> hit.kind() == SearchHit.Kind.ISSUE) && looksLikeId(typed)) {
            askForIssue(typed);
        }
    }

    private List<SearchHit> merchantHits(String typed, String[] terms) {
        List<SearchHit> found = new ArrayList<>();
        for (MerchantRow row : book) {
            Merchant merchant = row.merchant();
            if (merchant.id().equalsIgnoreCase(typed) || row.matches(terms)) {
                found.add(new SearchHit(SearchHit.Kind.MERCHANT, merchant.id(), merchant.name(),
                        messages.format("search.merchant.detail", merchant.shopName(), merchant.region())));
                if (found.size() == SHOWN) {
                    break;
                }
            }
        }
        return found;
    }

    private List<SearchHit> issueHits(String[] terms) {
        return issues.stream()
                .filter(row -> row.matches(terms))
                .map(IssueRow::issue)
                .sorted(Comparator.comparing(Issue::priority).thenComparing(Issue::createdAt))
                .limit(SHOWN)
                .map(this::hitOf)
                .toList();
    }

    private SearchHit hitOf(Issue issue) {
        return new SearchHit(SearchHit.Kind.ISSUE, issue.id(), issue.title(), messages.format("search.issue.detail",
                issue.priority().name(), issue.merchantName(), issueText.status(issue.status())));
    }

    /** One word with a digit in it: the shape of an id, worth one request when nothing open matched. */
    private static boolean looksLikeId(String typed) {
        return typed.length() >= 6 && typed.chars().noneMatch(Character::isWhitespace)
                && typed.chars().anyMatch(Character::isDigit);
    }

    private void askForIssue(String id) {
        executor.execute(() -> backend.issues().issue(id), issue -> {
            String typed = query.get() == null ? "" : query.get().strip();
            if (typed.equalsIgnoreCase(id) && hits.stream().noneMatch(hit -> hit.id().equals(issue.id()))) {
                hits.add(hitOf(issue));
                status.set(describe(typed, false));
            }
        }, failure -> {
            // Not an issue the caller may see: the results simply do not grow.
        });
    }

    private String describe(String typed, boolean none) {
        if (loadingBook.get()) {
            return messages.get("search.status.loading");
        }
        if (bookFailed) {
            return messages.get("search.status.bookFailed");
        }
        if (typed.isEmpty()) {
            return messages.get("search.status.hint");
        }
        return none ? messages.format("search.status.none", typed) : "";
    }

    public void open(SearchHit hit) {
        if (hit.kind() == SearchHit.Kind.ISSUE) {
            openIssue.accept(hit.id());
        } else {
            openMerchant.accept(hit.id());
        }
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public ReadOnlyBooleanProperty loadingBookProperty() {
        return loadingBook.getReadOnlyProperty();
    }

    /** A line under the results: a hint, "reading your merchants…", or "nothing found". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
