package io.lineone.client.merchants;

import static io.lineone.client.merchants.BookMerchants.merchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Merchant;
import io.lineone.api.Tier;
import io.lineone.client.common.SearchText;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The book's search through its {@link SearchIndex}: always exactly what a test of every row says, in order. */
class BookSearchTest {

    private static final String[] CITIES = {"杭州", "上海", "成都", "北京", "广州", "Hangzhou", "Shenzhen"};
    private static final String[] GOODS = {"茶叶", "丝绸", "火锅", "女装", "数码", "Tea", "Shop"};
    private static final int BIG = 12_000;

    private final Collator collator = MerchantRow.collator();
    private final MerchantBook book = new MerchantBook();
    private final List<MerchantRow> rows = new ArrayList<>();

    /** A book larger than {@link MerchantBook#NARROW_OVER_SHOWN}, so a query typed further uses the index too. */
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
    void typingAndErasingShowsExactlyWhatAFullPassWouldChineseAndPinyinAndInitials() {
        bigBook();
        List<String> typed = List.of("h", "ha", "han", "hang", "hangz", "hangzhou", "hangzhou ", "hangzhou c",
                "hangzhou ch", "hangzhou cha", "hangzhou ch", "hangzhou", "hang", "", "杭", "杭州", "杭州茶",
                "杭州", "hz", "hzc", "hzcy", "hzcy 1", "hzcy 12", "hzcy 1", "hz", "", "ＴＥＡ", "tea 7", "", "s",
                "sh", "shop", "shop 9", "shop 99", "shop 9", "9", "", "杭州 shop", "州茶", "店9", "zz", "");
        for (String text : typed) {
            book.filter(query(text));
            assertThat(shownIds()).as("after typing \"%s\"", text).isEqualTo(expected(query(text)));
        }
        assertThat(book.shown()).hasSize(BIG);
    }

    @Test
    void theSearchCombinesWithTheFiltersAndAChangedMenuLooksAtTheWholeBookAgain() {
        bigBook();
        for (MerchantFilter filter : List.of(query("hz", Tier.KA), query("hz 3", Tier.KA), query("hz 3", Tier.SME),
                new MerchantFilter(SearchText.terms("杭州"), null, BandChoice.NOT_SCORED, null, null, "u-1"),
                new MerchantFilter(SearchText.terms("杭州 丝绸"), null, BandChoice.NOT_SCORED, null, null, "u-1"),
                new MerchantFilter(SearchText.terms("杭州 丝绸"), null, BandChoice.NOT_SCORED, null, null, null),
                new MerchantFilter(new String[0], Tier.KA, BandChoice.ALL, null, null, "u-2"),
                MerchantFilter.NONE)) {
            book.filter(filter);
            assertThat(shownIds()).isEqualTo(expected(filter));
        }
    }

    @Test
    void eachSearchIsOneChangeOfTheShownRows() {
        bigBook();
        List<ListChangeListener.Change<? extends MerchantRow>> changes = new ArrayList<>();
        book.shown().addListener((ListChangeListener<MerchantRow>) changes::add);
        for (String text : List.of("s", "sh", "s", "", "杭州")) {
            book.filter(query(text));
        }
        assertThat(changes).hasSize(5);
    }

    @Test
    void renamedRemovedAndNewMerchantsAreFoundByWhatTheyAreCalledNow() {
        bigBook();
        book.filter(query("beijing"));
        Merchant renamed = rows.get(1).merchant();
        Merchant moved = rows.get(BIG - 1).merchant();
        book.put(renamedTo(renamed, "北京新名字"));
        book.put(renamedTo(moved, "Nanjing Road 南京路"));
        book.put(merchant("new", "北京新来的", 50));
        book.remove(rows.get(4).id());
        assertThat(shownIds()).contains(renamed.id(), "new").isEqualTo(expected(query("beijing")));

        for (String text : List.of("bei", "beijing", "xinmingzi", "nanjing road", "南京", "njl", rows.get(1).merchant()
                .shopName(), "")) {
            book.filter(query(text));
            assertThat(shownIds()).as("after typing \"%s\"", text).isEqualTo(expected(query(text)));
        }
        book.filter(query("nanjing"));
        assertThat(shownIds()).containsExactly(moved.id());
        book.filter(query(SearchText.key(renamed.name())));
        assertThat(shownIds()).as("the old name is not found").doesNotContain(renamed.id());
    }

    @Test
    void theSearchStaysExactAfterResortsAndManyRenames() {
        bigBook();
        book.sort(List.of(new BookSort.By(BookSort.Key.SCORE, false)));
        for (int i = 0; i < 3_000; i++) {
            Merchant m = book.find("m" + (i * 7 % BIG)).merchant();
            book.put(renamedTo(m, (i % 2 == 0 ? "深圳" : "Hangzhou ") + "改名" + i));
        }
        book.sort(List.of());
        for (String text : List.of("shenzhen", "hangzhou", "gaiming 29", "改名2", "hz", "")) {
            book.filter(query(text));
            assertThat(shownIds()).as("after typing \"%s\"", text).isEqualTo(expected(query(text)));
        }
    }

    @Test
    void aSmallBookRenamedOverAndOverStaysExact() {
        for (int i = 0; i < 300; i++) {
            book.put(merchant("s" + i, "小店" + i, i % 100));
        }
        for (int i = 0; i < 2_500; i++) {
            Merchant m = book.find("s" + (i % 300)).merchant();
            book.put(renamedTo(m, (i % 3 == 0 ? "成都" : "Chengdu ") + "第" + i + "次"));
            if (i % 500 == 0) {
                book.filter(query("chengdu " + i));
                assertThat(shownIds()).isEqualTo(expected(query("chengdu " + i)));
            }
        }
        for (String text : List.of("chengdu", "成都", "cd 24", "xiaodian", "")) {
            book.filter(query(text));
            assertThat(shownIds()).as("after typing \"%s\"", text).isEqualTo(expected(query(text)));
        }
    }

    @Test
    void aWordNeverMatchesAcrossTwoMerchants() {
        book.addPage(List.of(MerchantRow.of(merchant("a", "Alpha", 10), collator),
                MerchantRow.of(merchant("b", "Beta", 20), collator)));
        for (String text : List.of("dianbeta", "alphadian beta", "\u0001", "alpha\u0001")) {
            book.filter(query(text));
            assertThat(shownIds()).as("\"%s\"", text).isEqualTo(expected(query(text))).isEmpty();
        }
        book.filter(query("alpha"));
        assertThat(shownIds()).containsExactly("a");
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

    private static Merchant renamedTo(Merchant m, String name) {
        return new Merchant(m.id(), name, m.shopName(), m.tier(), m.category(), m.region(), m.assignedManagerId(),
                m.assignedManagerName(), m.metrics(), m.lighthouseScore(), m.band(), m.openIssues(),
                m.moneyAtRiskCents(), m.lastContactAt(), m.autoDeductionPaused(), m.version() + 1);
    }
}
