package io.lineone.server.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lineone.api.BellMonth;
import io.lineone.api.BellStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BellStatisticsTest {

    private static final Instant NOV = Instant.parse("2026-11-30T23:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-01T01:00:00Z");

    private static BellStatistics.Sample bell(String area, Instant pulled, Long ackSeconds, Long closeSeconds,
                                              BellStatus status) {
        return new BellStatistics.Sample(area, pulled, ackSeconds == null ? null : pulled.plusSeconds(ackSeconds),
                closeSeconds == null ? null : pulled.plusSeconds(closeSeconds), status);
    }

    @Test
    void countsAndMediansByAreaThenUtcMonth() {
        List<BellMonth> months = BellStatistics.byAreaAndMonth(List.of(
                bell("物流", DEC, 600L, null, BellStatus.ACKNOWLEDGED),
                bell("优惠券", NOV, 60L, 3_600L, BellStatus.RESOLVED),
                bell("优惠券", NOV, 300L, 7_200L, BellStatus.RESOLVED),
                bell("优惠券", NOV, 900L, 1_800L, BellStatus.OVERRULED),
                bell("优惠券", NOV, null, null, BellStatus.OPEN),
                bell("优惠券", DEC, null, 120L, BellStatus.OVERRULED)));

        assertThat(months).extracting(BellMonth::productArea, BellMonth::month)
                .containsExactly(tuple("优惠券", "2026-11"),
                        tuple("优惠券", "2026-12"),
                        tuple("物流", "2026-12"));
        BellMonth november = months.get(0);
        assertThat(november.pulled()).isEqualTo(4);
        assertThat(november.acknowledged()).isEqualTo(3);
        assertThat(november.medianAcknowledgeSeconds()).isEqualTo(300);
        assertThat(november.resolved()).isEqualTo(2);
        assertThat(november.medianResolveSeconds()).as("the lower middle of two").isEqualTo(3_600);
        assertThat(november.overruled()).isEqualTo(1);
        assertThat(november.overruledShare()).isEqualTo(1.0 / 3);
        assertThat(months.get(1).overruledShare()).isEqualTo(1.0);
        assertThat(months.get(1).medianAcknowledgeSeconds()).isNull();
        assertThat(months.get(2).medianResolveSeconds()).isNull();
        assertThat(months.get(2).overruledShare()).as("nothing closed yet").isZero();
    }

    @Test
    void noBellsNoMonths() {
        assertThat(BellStatistics.byAreaAndMonth(List.of())).isEmpty();
        assertThat(BellStatistics.median(List.of(Duration.ofSeconds(5).toSeconds()))).isEqualTo(5);
    }
}
