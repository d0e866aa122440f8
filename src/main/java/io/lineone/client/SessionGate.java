package io.lineone.client;

import io.lineone.client.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The executor of a session whose window is shown before its sign-in has finished (the demo workspace at start-up,
 * from the last session's book): the screens' calls wait here, in order, until the session is signed in, and then
 * run as if they had just been made. Once open, it passes every call straight on.
 */
final class SessionGate implements TaskExecutor {

    private final TaskExecutor executor;
    /** The calls waiting for the sign-in; null once open. */
    private List<Runnable> waiting;

    private SessionGate(TaskExecutor executor, boolean open) {
        this.executor = executor;
        this.waiting = open ? null : new ArrayList<>();
    }

    /** A session already signed in. */
    static SessionGate open(TaskExecutor executor) {
        return new SessionGate(executor, true);
    }

    /** A session still signing in. */
    static SessionGate closed(TaskExecutor executor) {
        return new SessionGate(executor, false);
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        synchronized (this) {
            if (waiting != null) {
                waiting.add(() -> executor.execute(work, onSuccess, onFailure));
                return;
            }
        }
        executor.execute(work, onSuccess, onFailure);
    }

    synchronized boolean isOpen() {
        return waiting == null;
    }

    /** Signed in: the waiting calls go, in the order they were made. */
    void open() {
        List<Runnable> calls;
        synchronized (this) {
            calls = waiting;
            waiting = null;
        }
        if (calls != null) {
            calls.forEach(Runnable::run);
        }
    }
}
