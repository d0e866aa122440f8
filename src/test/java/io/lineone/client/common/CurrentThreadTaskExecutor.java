package io.lineone.client.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work and its callback right away on the caller's thread, so view-model tests need no FX toolkit. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
