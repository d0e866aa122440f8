package io.lineone.client.common;

/** Opens the demo workspace: starts the in-process backend if needed and signs the demo manager in. */
public interface DemoLauncher {

    /** Blocks until signed in; run it through the {@link TaskExecutor}. */
    SignedIn open() throws Exception;
}
