package io.lineone.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;

class LoginFailureStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-11T08:00:00.250Z");

    @StoreTest
    void countsFailuresOfOneLoginStrictlyAfterTheWindowStart(TestDatabase t) {
        LoginFailureStore failures = new LoginFailureStore(t.db());
        failures.record("li.na", T0);
        failures.record("li.na", T0.plus(Duration.ofMinutes(5)));
        failures.record("li.na", T0.plus(Duration.ofMinutes(14)));
        failures.record("wang.wei", T0);

        assertThat(failures.countSince("li.na", T0.minusMillis(1))).isEqualTo(3);
        assertThat(failures.countSince("li.na", T0)).as("a failure exactly at the window start is outside").isEqualTo(2);
        assertThat(failures.countSince("li.na", T0.plus(Duration.ofMinutes(14)))).isZero();
        assertThat(failures.countSince("wang.wei", T0.minusMillis(1))).isEqualTo(1);
        assertThat(failures.countSince("nobody", T0.minusSeconds(3600))).isZero();
    }

    @StoreTest
    void loginsAreCountedExactly(TestDatabase t) {
        LoginFailureStore failures = new LoginFailureStore(t.db());
        failures.record("li.na", T0);
        failures.record("Li.Na", T0);
        failures.record("li%", T0);

        assertThat(failures.countSince("li.na", T0.minusSeconds(1))).isEqualTo(1);
        assertThat(failures.countSince("li%", T0.minusSeconds(1))).isEqualTo(1);
        assertThat(failures.countSince("li_na", T0.minusSeconds(1))).isZero();
    }
}
