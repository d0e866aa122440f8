package io.lineone.client.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds submitted work until the test says run, so a test can look at "in progress" states. */
public final class DeferredTaskExecutor implements TaskExecutor {

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Exception> onFailure) {
        pending.add(() -> now.execute(work, onSuccess, onFailure));
    }

    public int pending() {
        return pending.size();
    }

    /** Runs the oldest waiting task. */
    public void runNext() {
        pending.remove().run();
    }

    /** Runs the newest waiting task, as if the network answered it first. */
    public void runLast() {
        pending.removeLast().run();
    }

    public void runAll() {
        while (!pending.isEmpty()) {
            runNext();
        }
    }
}
