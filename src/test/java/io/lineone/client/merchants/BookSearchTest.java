package io.lineone.client.merchants;

import static io.lineone.client.merchants.BookMerchants.merchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Merchant;
import io.lineone.api.Tier;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.common.SearchText;
import io.lineone.client.common.TaskExecutor;
import java.text.Collator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class BookSearchTest {

    private static final String[] CITIES = {"杭州", "上海", "成都", "北京", "广州", "Hangzhou", "Shenzhen"};
    private static final String[] GOODS = {"茶叶", "丝绸", "火锅", "女装", "数码", "Tea", "Shop"};
    private static final int BIG = 12_000;

    private final Collator collator = MerchantRow.collator();
    private final MerchantBook book = new MerchantBook();
    private final List<MerchantRow> rows = new ArrayList<>();

    /** A book larger than {@link BookSearch#AT_ONCE}, so a pass over all of it goes to the worker. */
    private void bigBook() {
        for (int i = 0; i < BIG; i++) {
            String name = CITIES[i % CITIES.length] + GOODS[(i / 7) % GOODS.length] + "商行" + i;
            Tier tier = i % 3 == 0 ? Tier.KA : Tier.SME;
            rows.add(MerchantRow.of(merchant("m" + i, name, GOODS[i % GOODS.length] + "店" + (i % 100), tier,
                    i % 5 == 0 ? null : i % 100, i % 4, i * 10L, null, "u-" + (i % 4), "经理" + (i % 4)), collator));
        }
        book.addPage(rows);
    }

    private static MerchantFilter query(String text) {
        return new MerchantFilter(SearchText.terms(text), null, BandChoice.ALL, null, null, null);
    }

    private static MerchantFilter query(String text, Tier tier) {
        return new MerchantFilter(SearchText.terms(text), tier, BandChoice.ALL, null, null, null);
    }

    private List<String> shownIds() {
        return book.shown().stream().map(MerchantRow::id).toList();
    }

    /** What a full pass over every row says, in the book's order. */
    private List<String> expected(MerchantFilter filter) {
        List<MerchantRow> all = new ArrayList<>(book.all());
        return all.stream().filter(filter::test).map(MerchantRow::id).toList();
    }

    @Test
    void aQueryTypedFurtherLooksOnlyAtTheRowsShown() {
        bigBook();
        BookSearch search = new BookSearch(book, new CurrentThreadTaskExecutor());
        search.request(query("hz"));
        int shown = book.shown().size();
        assertThat(shown).isBetween(1, BIG / 2);

        assertThat(book.candidates(query("hz c"))).as("a word added").isEqualTo(shown);
        assertThat(book.candidates(query("hzch"))).as("a word typed further").isEqualTo(shown);
        assertThat(book.candidates(query("h"))).as("a letter erased: the whole book again").isEqualTo(BIG);
        assertThat(book.candidates(query("hz", Tier.KA))).as("a menu changed").isEqualTo(BIG);
        assertThat(book.snapshot(query("hz c")).candidates()).hasSize(shown);
    }

    @Test
    void typingAndErasingShowsExactlyWhatAFullPassWouldChineseAndPinyinAndInitials() {
        bigBook();
        BookSearch search = new BookSearch(book, new CurrentThreadTaskExecutor());
        List<String> typed = List.of("h", "ha", "han", "hang", "hangz", "hangzhou", "hangzhou ", "hangzhou c",
                "hangzhou ch", "hangzhou cha", "hangzhou ch", "hangzhou", "hang", "", "杭", "杭州", "杭州茶",
                "杭州", "hz", "hzc", "hzcy", "hzcy 1", "hzcy 12", "hzcy 1", "hz", "", "ＴＥＡ", "tea 7", "", "s",
                "sh", "shop", "shop 9", "shop 99", "shop 9", "9", "");
        for (String text : typed) {
            search.request(query(text));
            assertThat(shownIds()).as("after typing \"%s\"", text).isEqualTo(expected(query(text)));
        }
        assertThat(book.shown()).hasSize(BIG);
    }

    @Test
    void theSearchCombinesWithTheFiltersAndAChangedMenuLooksAtTheWholeBookAgain() {
        bigBook();
        BookSearch search = new BookSearch(book, new CurrentThreadTaskExecutor());
        for (MerchantFilter filter : List.of(query("hz", Tier.KA), query("hz 3", Tier.KA), query("hz 3", Tier.SME),
                new MerchantFilter(SearchText.terms("杭州"), null, BandChoice.NOT_SCORED, null, null, "u-1"),
                new MerchantFilter(SearchText.terms("杭州 丝绸"), null, BandChoice.NOT_SCORED, null, null, "u-1"),
                new MerchantFilter(SearchText.terms("杭州 丝绸"), null, BandChoice.NOT_SCORED, null, null, null),
                MerchantFilter.NONE)) {
            search.request(filter);
            assertThat(shownIds()).isEqualTo(expected(filter));
        }
    }

    @Test
    void aPassThatComesBackAfterANewerQueryIsDropped() {
        bigBook();
        AnswersLater worker = new AnswersLater();
        BookSearch search = new BookSearch(book, worker);
        List<ListChangeListener.Change<? extends MerchantRow>> changes = new ArrayList<>();
        book.shown().addListener((ListChangeListener<MerchantRow>) changes::add);

        search.request(query("s"));
        search.request(query("shanghai"));
        assertThat(worker.waiting()).as("both passes made on the worker").isEqualTo(2);
        worker.answerNewest();
        assertThat(shownIds()).isEqualTo(expected(query("shanghai")));
        worker.answerNewest();
        assertThat(shownIds()).as("the older query's rows never replace the newer's")
                .isEqualTo(expected(query("shanghai")));
        assertThat(changes).as("one list change per query shown").hasSize(1);
    }

    @Test
    void whileTheUserTypesOnEachPassThatComesBackInOrderIsShownSoTheTableFollows() {
        bigBook();
        AnswersLater worker = new AnswersLater();
        BookSearch search = new BookSearch(book, worker);
        search.request(query("s"));
        search.request(query("sh"));
        search.request(query("she"));
        worker.answerOldest();
        assertThat(shownIds()).as("older than what is asked, newer than what was shown").isEqualTo(expected(query("s")));
        worker.answerOldest();
        assertThat(shownIds()).isEqualTo(expected(query("sh")));
        worker.answerOldest();
        assertThat(shownIds()).isEqualTo(expected(query("she")));
        assertThat(worker.waiting()).as("nothing made again: only the filter changed meanwhile, not the rows").isZero();
    }

    @Test
    void aPassNotYetMadeWhenANewerQueryCameIsNeverMade() {
        bigBook();
        DeferredTaskExecutor worker = new DeferredTaskExecutor();
        BookSearch search = new BookSearch(book, worker);
        List<MerchantFilter> shown = new ArrayList<>();
        search.onShown(shown::add);
        search.request(query("b"));
        search.request(query("c"));
        worker.runAll();
        assertThat(shown).as("only the newest query's rows were ever shown").containsExactly(search.wanted());
        assertThat(shownIds()).isEqualTo(expected(query("c")));
    }

    @Test
    void aPassWhoseBookChangedMeanwhileIsMadeAgain() {
        bigBook();
        AnswersLater worker = new AnswersLater();
        BookSearch search = new BookSearch(book, worker);
        search.request(query("beijing"));
        // While the worker looks, a merchant is renamed into the search and a new one joins it.
        Merchant renamed = rows.get(1).merchant();
        book.put(new Merchant(renamed.id(), "北京新名字", renamed.shopName(), renamed.tier(), renamed.category(),
                renamed.region(), renamed.assignedManagerId(), renamed.assignedManagerName(), renamed.metrics(),
                renamed.lighthouseScore(), renamed.band(), renamed.openIssues(), renamed.moneyAtRiskCents(),
                renamed.lastContactAt(), renamed.autoDeductionPaused(), renamed.version() + 1));
        book.put(merchant("new", "北京新来的", 50));
        worker.answerNewest();
        assertThat(worker.waiting()).as("made again from the book as it is now").isEqualTo(1);
        worker.answerNewest();
        assertThat(shownIds()).contains(renamed.id(), "new").isEqualTo(expected(query("beijing")));
    }

    @Test
    void clearingIsShownAtOnceSoAMerchantAskedForCanBeSelected() {
        bigBook();
        AnswersLater worker = new AnswersLater();
        BookSearch search = new BookSearch(book, worker);
        search.request(query("shenzhen"));
        search.request(MerchantFilter.NONE);
        assertThat(book.shown()).hasSize(BIG);
        assertThat(search.wanted()).isSameAs(MerchantFilter.NONE);
        worker.answerNewest();
        assertThat(book.shown()).as("the earlier query's pass is dropped").hasSize(BIG);
    }

    @Test
    void aFilterNarrowsAnotherOnlyWithTheSameMenusAndEveryWordKept() {
        assertThat(query("hz c").narrows(query("hz"))).isTrue();
        assertThat(query("hzc").narrows(query("hz"))).isTrue();
        assertThat(query("c hz").narrows(query("hz c"))).isTrue();
        assertThat(query("h").narrows(query("hz"))).isFalse();
        assertThat(query("hz").narrows(query("hz c"))).isFalse();
        assertThat(query("hz").narrows(MerchantFilter.NONE)).isTrue();
        assertThat(query("hz", Tier.KA).narrows(query("hz"))).isFalse();
        assertThat(query("hz").narrows(query("hz", Tier.KA))).isFalse();
    }

    /** Makes each pass when asked (as the worker does), and answers it on the UI thread only when the test says. */
    private static final class AnswersLater implements TaskExecutor {

        private final Deque<Runnable> answers = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Exception> onFailure) {
            try {
                T result = work.call();
                answers.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                answers.add(() -> onFailure.accept(e));
            }
        }

        int waiting() {
            return answers.size();
        }

        void answerNewest() {
            answers.removeLast().run();
        }

        void answerOldest() {
            answers.removeFirst().run();
        }
    }
}
