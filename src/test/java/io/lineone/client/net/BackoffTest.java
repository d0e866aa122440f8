package io.lineone.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Backoff fixed(double random) {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> random);
    }

    @Test
    void doublesFromTheBaseUpToTheCap() {
        Backoff most = fixed(1.0);
        assertThat(most.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(most.delay(1)).isEqualTo(Duration.ofMillis(1000));
        assertThat(most.delay(2)).isEqualTo(Duration.ofMillis(2000));
        assertThat(most.delay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(most.delay(1_000)).as("no overflow however long it has been").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterKeepsAtLeastHalfOfTheWait() {
        assertThat(fixed(0.0).delay(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(fixed(0.5).delay(3)).isEqualTo(Duration.ofMillis(3000));
        assertThat(fixed(0.0).delay(40)).isEqualTo(Duration.ofSeconds(15));
        Backoff real = Backoff.standard();
        for (int attempt = 0; attempt < 20; attempt++) {
            Duration wait = real.delay(attempt);
            assertThat(wait).as("a restarted server is found within two seconds").isBetween(Duration.ofMillis(125),
                    Duration.ofSeconds(2));
        }
    }

    @Test
    void aBaseAboveTheCapIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
