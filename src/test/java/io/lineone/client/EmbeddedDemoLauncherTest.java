package io.lineone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.common.DemoAccount;
import io.lineone.client.common.DemoStartException;
import io.lineone.client.common.SignedIn;
import io.lineone.client.net.BackendClient;
import io.lineone.server.sim.DemoWorkspace;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The demo workspace for real: the backend boots in-process (H2 under {@code lineone.home}) and signs in over HTTP. */
class EmbeddedDemoLauncherTest {

    @Test
    void opensTheDemoManagersBookAndClosesCleanly() throws Exception {
        BackendClient backend = BackendClient.withDefaults();
        try (EmbeddedBackend embedded = new EmbeddedBackend()) {
            EmbeddedDemoLauncher launcher = new EmbeddedDemoLauncher(embedded, backend);

            SignedIn signedIn = launcher.open(launcher.accounts().get(0).login());

            assertThat(signedIn.demo()).isTrue();
            assertThat(signedIn.serverUrl()).startsWith("http://127.0.0.1:");
            assertThat(signedIn.session().user().login()).isEqualTo(DemoWorkspace.MANAGER_LOGIN);
            assertThat(signedIn.session().user().role()).isEqualTo(Role.MANAGER);
            assertThat(backend.merchants().allMyMerchants()).hasSize(DemoWorkspace.MERCHANTS_PER_MANAGER)
                    .allMatch(m -> m.assignedManagerId().equals(signedIn.session().user().id()));
            assertThat(embedded.start()).as("a second open reuses the running backend").isEqualTo(signedIn.serverUrl());

            // Each account the sign-in screen offers is one the demo seeded, with the role and name it says.
            for (DemoAccount account : launcher.accounts()) {
                User user = launcher.open(account.login()).session().user();
                assertThat(user.role()).as(account.login()).isEqualTo(account.role());
                assertThat(user.displayName()).as(account.login()).isEqualTo(account.displayName());
            }
        }
    }

    @Test
    void aBootHeldAtLaunchWaitsForWhatIsShownFirstButNotForEver() throws Exception {
        CompletableFuture<Void> tableShown = new CompletableFuture<>();
        try (EmbeddedBackend embedded = new EmbeddedBackend()) {
            embedded.startInBackground(tableShown, Duration.ofMinutes(5));
            CompletableFuture<String> started = CompletableFuture.supplyAsync(EmbeddedDemoLauncherTest.startOf(embedded));

            assertThatThrownBy(() -> started.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            tableShown.complete(null);
            assertThat(started.get(60, TimeUnit.SECONDS)).startsWith("http://127.0.0.1:");
        }
        // What never comes is waited for only so long.
        try (EmbeddedBackend embedded = new EmbeddedBackend()) {
            embedded.startInBackground(new CompletableFuture<>(), Duration.ofMillis(50));
            assertThat(embedded.start()).startsWith("http://127.0.0.1:");
        }
    }

    private static Supplier<String> startOf(EmbeddedBackend embedded) {
        return () -> {
            try {
                return embedded.start();
            } catch (DemoStartException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
