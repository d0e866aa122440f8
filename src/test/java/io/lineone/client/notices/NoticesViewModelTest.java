package io.lineone.client.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.client.common.Messages;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NoticesViewModelTest {

    private final NoticeLog log = new NoticeLog();
    private final List<String> opened = new ArrayList<>();
    private int bellsOpened;
    private final NoticesViewModel model = new NoticesViewModel(log, Messages.forLocale(Locale.ENGLISH),
            ZoneOffset.UTC, opened::add, () -> bellsOpened++);

    @Test
    void newestFirstAndOnlyTheLastFewHundredKept() {
        for (int i = 0; i < NoticeLog.KEPT + 5; i++) {
            log.add(new Notice(Notice.Kind.URGENT, "P1 #" + i, "", "issue-" + i, Instant.EPOCH.plusSeconds(i)));
        }
        assertThat(model.notices()).hasSize(NoticeLog.KEPT);
        assertThat(model.notices().get(0).title()).isEqualTo("P1 #" + (NoticeLog.KEPT + 4));
        assertThat(log.unreadProperty().get()).isEqualTo(NoticeLog.KEPT);
    }

    @Test
    void aClickOpensTheIssueOrTheBellsScreen() {
        Notice p1 = new Notice(Notice.Kind.URGENT, "P1", "body", "issue-7", Instant.EPOCH);
        Notice bell = new Notice(Notice.Kind.BELL, "Bell pulled", "", null, Instant.EPOCH);
        Notice plain = new Notice(Notice.Kind.ASSIGNMENT, "Info", "", null, Instant.EPOCH);

        model.open(p1);
        model.open(bell);

        assertThat(opened).containsExactly("issue-7");
        assertThat(bellsOpened).isEqualTo(1);
        assertThat(model.opens(plain)).isFalse();
    }

    @Test
    void timesCarryTheirDayAndClearEmptiesTheCentre() {
        log.add(new Notice(Notice.Kind.BELL, "Bell", "", null, Instant.parse("2026-12-05T09:30:00Z")));
        assertThat(model.time(Instant.parse("2026-12-05T09:30:00Z"))).contains("12/5/26").contains("9:30");
        assertThat(model.emptyProperty().get()).isFalse();

        model.clear();

        assertThat(model.emptyProperty().get()).isTrue();
        assertThat(log.unreadProperty().get()).isZero();
    }
}
