package io.lineone.client;

import io.lineone.client.common.DemoAccount;
import io.lineone.client.common.DemoLauncher;
import io.lineone.client.common.SignedIn;
import io.lineone.client.net.Backend;
import java.util.List;

/** Opens the demo workspace over HTTP like any other server, just one started in-process. */
public final class EmbeddedDemoLauncher implements DemoLauncher {

    private final EmbeddedBackend embedded;
    private final Backend backend;

    public EmbeddedDemoLauncher(EmbeddedBackend embedded, Backend backend) {
        this.embedded = embedded;
        this.backend = backend;
    }

    @Override
    public List<DemoAccount> accounts() {
        return embedded.accounts();
    }

    @Override
    public SignedIn open(String login) throws Exception {
        String url = embedded.start();
        return new SignedIn(backend.signIn(url, login, embedded.password()), url, true);
    }

    @Override
    public void reset() throws Exception {
        embedded.reset();
    }
}
