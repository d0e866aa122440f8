package io.lineone.client.search;

import static io.lineone.testing.Merchants.merchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Tier;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import io.lineone.client.queue.IssueRow;
import io.lineone.client.queue.IssueText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class GlobalSearchViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private final FakeBackend backend = new FakeBackend().withMerchants(List.of(
            merchant("m1", "杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, "浙江", 91),
            merchant("m2", "Guangzhou Tea House", "Canton Tea", Tier.SME, "广东", 60),
            merchant("m3", "成都火锅食品", "蜀香坊", Tier.SME, "四川", 40)));
    private final ObservableList<IssueRow> issues = FXCollections.observableArrayList(
            new IssueRow(Issues.issue("iss-001").title("Kettle priced ¥0.99").priority(Priority.P2).build(), NOW),
            new IssueRow(Issues.issue("iss-002").title("Coupon stack past cost").priority(Priority.P1).build(), NOW));
    private final List<String> openedIssues = new ArrayList<>();
    private final List<String> openedMerchants = new ArrayList<>();

    private GlobalSearchViewModel model(TaskExecutor executor) {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        return new GlobalSearchViewModel(issues, backend, executor, messages,
                new IssueText(messages, ZoneOffset.UTC, "u-1"), false, openedIssues::add, openedMerchants::add);
    }

    private static List<String> ids(GlobalSearchViewModel model) {
        return model.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void pinyinInitialsFindMerchantsAndTitlesFindIssuesTogether() {
        GlobalSearchViewModel model = model(new CurrentThreadTaskExecutor());
        model.begin(NOW);
        assertThat(model.hits()).isEmpty();
        assertThat(model.statusProperty().get()).contains("pinyin");

        model.queryProperty().set("cd");
        assertThat(ids(model)).containsExactly("m3");

        model.queryProperty().set("tea");
        assertThat(ids(model)).as("merchants first, then issues").containsExactly("m2");

        // Issues of the merchant (m-1 is 杭州西湖茶叶 in the fixture) come after the merchants, P1 first.
        model.queryProperty().set("hz");
        assertThat(ids(model)).containsExactly("m1", "iss-002", "iss-001");
        assertThat(model.hits().get(1).detail()).startsWith("P1 · ");

        model.open(model.hits().get(0));
        model.open(model.hits().get(1));
        assertThat(openedMerchants).containsExactly("m1");
        assertThat(openedIssues).containsExactly("iss-002");
    }

    @Test
    void anIdOfAnIssueThatIsNoLongerOpenIsAskedOfTheServer() {
        backend.issues.put("iss-900", Issues.issue("iss-900").title("Old, resolved").status(IssueStatus.RESOLVED)
                .build());
        GlobalSearchViewModel model = model(new CurrentThreadTaskExecutor());
        model.begin(NOW);

        model.queryProperty().set("iss-900");

        assertThat(ids(model)).containsExactly("iss-900");
        model.queryProperty().set("iss-404");
        assertThat(model.hits()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Nothing matches “iss-404”.");
    }

    @Test
    void theBookIsReadOffTheFxThreadOnceAndAFailureStillLeavesIssuesSearchable() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        GlobalSearchViewModel model = model(executor);
        backend.failNext(FakeBackend.unreachable());
        model.begin(NOW);
        assertThat(model.loadingBookProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Reading your merchants…");

        executor.runAll();
        model.queryProperty().set("kettle");
        assertThat(ids(model)).containsExactly("iss-001");
        assertThat(model.statusProperty().get()).contains("cannot be searched");

        model.begin(NOW.plusSeconds(1));
        executor.runAll();
        model.queryProperty().set("cd");
        assertThat(ids(model)).as("read again after a failure").containsExactly("m3");

        model.begin(NOW.plusSeconds(60));
        assertThat(model.loadingBookProperty().get()).as("a fresh book is not read again").isFalse();
        model.begin(NOW.plus(GlobalSearchViewModel.BOOK_AGE).plusSeconds(2));
        assertThat(model.loadingBookProperty().get()).as("an old one is").isTrue();
    }
}
