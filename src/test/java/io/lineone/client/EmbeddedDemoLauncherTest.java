package io.lineone.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.common.DemoAccount;
import io.lineone.client.common.SignedIn;
import io.lineone.client.net.BackendClient;
import io.lineone.server.sim.DemoWorkspace;
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
}
