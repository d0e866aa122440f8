package io.lineone.client.merchants;

import static io.lineone.client.merchants.BookMerchants.NOW;
import static io.lineone.client.merchants.BookMerchants.merchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Merchant;
import io.lineone.api.Tier;
import io.lineone.client.common.SearchText;
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class MerchantBookTest {

    private final Collator collator = MerchantRow.collator();
    private final MerchantBook book = new MerchantBook();

    private MerchantRow row(Merchant merchant) {
        return MerchantRow.of(merchant, collator);
    }

    private List<String> shownIds() {
        return book.shown().stream().map(MerchantRow::id).toList();
    }

    private static MerchantFilter query(String text) {
        return new MerchantFilter(SearchText.terms(text), null, BandChoice.ALL, null, null, null);
    }

    @Test
    void chineseNamesSortByTheirPinyin() {
        book.addPage(List.of(row(merchant("z", "张记茶庄", 80)), row(merchant("a", "阿里小铺", 70)),
                row(merchant("l", "李家铺子", 60)), row(merchant("b", "Bamboo House", 50))));

        assertThat(shownIds()).as("Latin first, then Han by pinyin: 阿 a, 李 li, 张 zhang").containsExactly("b", "a", "l", "z");
    }

    @Test
    void unscoredMerchantsSortLastWhicheverWayTheScoreGoes() {
        book.addPage(List.of(row(merchant("a", "甲", 90)), row(merchant("b", "乙", null)), row(merchant("c", "丙", 40))));

        book.sort(List.of(new BookSort.By(BookSort.Key.SCORE, true)));
        assertThat(shownIds()).containsExactly("c", "a", "b");
        book.sort(List.of(new BookSort.By(BookSort.Key.SCORE, false)));
        assertThat(shownIds()).containsExactly("a", "c", "b");
    }

    @Test
    void moneySortsAsANumberAndNeverContactedCountsAsLongestAgo() {
        book.addPage(List.of(
                row(merchant("a", "甲", "甲店", Tier.KA, 80, 1, 9_00, NOW, "u-1", "李娜")),
                row(merchant("b", "乙", "乙店", Tier.KA, 80, 3, 100_000_00, null, "u-1", "李娜")),
                row(merchant("c", "丙", "丙店", Tier.KA, 80, 2, 10_00, NOW.minus(Duration.ofDays(3)), "u-1", "李娜"))));

        book.sort(List.of(new BookSort.By(BookSort.Key.MONEY_AT_RISK, false)));
        assertThat(shownIds()).containsExactly("b", "c", "a");
        book.sort(List.of(new BookSort.By(BookSort.Key.LAST_CONTACT, true)));
        assertThat(shownIds()).containsExactly("b", "c", "a");
        book.sort(List.of(new BookSort.By(BookSort.Key.OPEN_ISSUES, false)));
        assertThat(shownIds()).containsExactly("b", "c", "a");
    }

    @Test
    void pagesMergeIntoTheOrderAsSmallAdditionsAndAFilterHoldsForThemToo() {
        List<ListChangeListener.Change<? extends MerchantRow>> changes = new ArrayList<>();
        book.shown().addListener((ListChangeListener<MerchantRow>) changes::add);
        book.filter(query("hz"));
        book.addPage(List.of(row(merchant("1", "杭州一号", 1)), row(merchant("2", "上海二号", 2))));
        book.addPage(List.of(row(merchant("3", "杭州三号", 3)), row(merchant("0", "杭州零号", 0)),
                row(merchant("4", "北京四号", 4))));

        assertThat(shownIds()).as("零 ling, 三 san, 一 yi").containsExactly("0", "3", "1");
        assertThat(book.size()).isEqualTo(5);
        assertThat(changes).hasSize(2);
        ListChangeListener.Change<? extends MerchantRow> second = changes.get(1);
        second.reset();
        int added = 0;
        while (second.next()) {
            assertThat(second.wasRemoved()).as("an addition, not a rewrite").isFalse();
            added += second.getAddedSize();
        }
        assertThat(added).isEqualTo(2);
    }

    @Test
    void aKeystrokeIsOneChangeThatNamesTheOldRowsAndTheNew() {
        book.addPage(List.of(row(merchant("m1", "杭州西湖茶叶有限公司", 91)), row(merchant("m2", "Hangzhou Silk Co.", 72)),
                row(merchant("m3", "成都火锅食品", 58))));
        List<String> seen = new ArrayList<>();
        book.shown().addListener((ListChangeListener<MerchantRow>) change -> {
            while (change.next()) {
                seen.add(change.getFrom() + "-" + change.getTo() + " replaced " + change.wasReplaced() + " removed "
                        + change.getRemoved().stream().map(MerchantRow::id).sorted().toList() + " added "
                        + change.getAddedSubList().stream().map(MerchantRow::id).sorted().toList());
            }
        });

        book.filter(query("hangzhou"));
        book.filter(query("成都"));

        assertThat(seen).containsExactly("0-2 replaced true removed [m1, m2, m3] added [m1, m2]",
                "0-1 replaced true removed [m1, m2] added [m3]");
    }

    @Test
    void aKeystrokeIsOnePassAndEveryWordMustMatch() {
        book.addPage(List.of(row(merchant("m1", "杭州西湖茶叶有限公司", 91)), row(merchant("m2", "Hangzhou Silk Co.", 72)),
                row(merchant("m3", "成都火锅食品", 58))));

        book.filter(query("hangzhou"));
        assertThat(shownIds()).containsExactlyInAnyOrder("m1", "m2");
        book.filter(query("hz cha"));
        assertThat(shownIds()).containsExactly("m1");
        book.filter(MerchantFilter.NONE);
        assertThat(shownIds()).hasSize(3);
    }

    @Test
    void filtersByBandIncludingNotScoredAndByManager() {
        book.addPage(List.of(row(merchant("g", "甲", 90)), row(merchant("n", "乙", null)),
                row(merchant("r", "丙", "丙店", Tier.KA, 20, 0, 0, null, "u-2", "王强"))));

        book.filter(new MerchantFilter(new String[0], null, BandChoice.NOT_SCORED, null, null, null));
        assertThat(shownIds()).containsExactly("n");
        book.filter(new MerchantFilter(new String[0], null, BandChoice.GREEN, null, null, null));
        assertThat(shownIds()).containsExactly("g");
        book.filter(new MerchantFilter(new String[0], Tier.KA, BandChoice.ALL, null, null, "u-2"));
        assertThat(shownIds()).containsExactly("r");
    }

    @Test
    void aLiveChangeMovesOneRowToItsNewPlaceAndInOrOutOfTheFilter() {
        Merchant a = merchant("a", "甲", 90);
        book.addPage(List.of(row(a), row(merchant("b", "乙", 60)), row(merchant("c", "丙", 30))));
        book.sort(List.of(new BookSort.By(BookSort.Key.SCORE, false)));
        MerchantRow rowA = book.find("a");

        book.put(BookMerchants.rescored(a, 2, 10));
        assertThat(shownIds()).containsExactly("b", "c", "a");
        assertThat(book.find("a")).as("the same row, changed in place").isSameAs(rowA);

        book.filter(new MerchantFilter(new String[0], null, BandChoice.RED, null, null, null));
        assertThat(shownIds()).containsExactly("c", "a");
        book.put(BookMerchants.rescored(a, 3, null));
        assertThat(shownIds()).containsExactly("c");
        book.put(BookMerchants.rescored(a, 1, 5));
        assertThat(shownIds()).as("an older version changes nothing").containsExactly("c");
    }

    @Test
    void aMerchantLeavesAndJoinsTheBook() {
        book.addPage(List.of(row(merchant("a", "甲", 90)), row(merchant("b", "乙", 60))));
        book.remove("a");
        assertThat(shownIds()).containsExactly("b");
        book.put(merchant("c", "阿", 50));
        assertThat(shownIds()).containsExactly("c", "b");
        assertThat(book.size()).isEqualTo(2);
    }

    @Test
    void aBigBookFiltersInOnePass() {
        Collator shared = MerchantRow.collator();
        List<MerchantRow> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(MerchantRow.of(merchant("m" + i, (i % 7 == 0 ? "杭州" : "上海") + "商家" + i, i % 100), shared));
        }
        book.addPage(rows);
        book.filter(query("hz"));
        assertThat(book.shown()).hasSize((20_000 + 6) / 7);
        book.filter(query("hz 1999"));
        assertThat(shownIds()).contains("m19992").allMatch(id -> Integer.parseInt(id.substring(1)) % 7 == 0);
    }
}
