package io.lineone.client.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The console's executor: a small pool of daemon threads, results delivered on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FxTaskExecutor.class.getName());
    private static final int THREADS = 4;

    private final ExecutorService pool;

    public FxTaskExecutor() {
        this(THREADS, "lineone-task-");
    }

    /** {@code threads} daemon threads named {@code name} and a number, gone when idle. */
    public FxTaskExecutor(int threads, String name) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads(name));
        // Idle threads go away so an idle console holds none.
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Exception> onFailure) {
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "background task failed", e);
                Platform.runLater(() -> onFailure.accept(e));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + count.incrementAndGet());
            // Never keep the JVM alive after the window closed.
            thread.setDaemon(true);
            return thread;
        };
    }
}
