package io.lineone.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class StartupTimelineTest {

    @Test
    void aMomentCanBeWaitedForBeforeAndAfterItHappens() {
        CompletableFuture<Void> before = StartupTimeline.reached(StartupTimeline.Moment.TABLE_SHOWN);

        StartupTimeline.mark(StartupTimeline.Moment.TABLE_SHOWN);

        assertThat(before).isDone();
        assertThat(StartupTimeline.reached(StartupTimeline.Moment.TABLE_SHOWN)).isDone();
    }

    @Test
    void theLineGivesTheMomentsInTheirOrder() {
        assertThat(StartupTimeline.describe(Map.of(StartupTimeline.Moment.TABLE_SHOWN, 1_480L,
                StartupTimeline.Moment.TOOLKIT, 610L, StartupTimeline.Moment.TABLE_READY, 1_120L)))
                .isEqualTo("start-up: toolkit 610 ms, table ready 1120, table shown 1480 after JVM start");
    }
}
