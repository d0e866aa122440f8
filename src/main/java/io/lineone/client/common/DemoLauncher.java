package io.lineone.client.common;

import java.util.List;

/** Opens the demo workspace: starts the in-process backend if needed and signs one of its accounts in. */
public interface DemoLauncher {

    /** The accounts to offer, the one opened at start-up first. */
    List<DemoAccount> accounts();

    /** Signs in as {@code login}, one of {@link #accounts()}; blocks, so run it through the {@link TaskExecutor}. */
    SignedIn open(String login) throws Exception;

    /** Throws the demo workspace's data away and seeds it afresh; blocks. The next {@link #open} finds it new. */
    void reset() throws Exception;
}
