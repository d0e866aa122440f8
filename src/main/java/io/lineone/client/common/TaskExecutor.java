package io.lineone.client.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work away from the UI and hands the outcome back where the UI may touch it.
 * The console's implementation uses a worker pool and the FX thread; tests use one that runs
 * everything on the calling thread.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work}, then exactly one of the callbacks on the UI thread.
     *
     * @param onSuccess gets the result of {@code work}
     * @param onFailure gets whatever {@code work} threw
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);
}
