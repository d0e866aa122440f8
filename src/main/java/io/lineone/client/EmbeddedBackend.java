package io.lineone.client;

import io.lineone.api.Role;
import io.lineone.client.common.DemoAccount;
import io.lineone.client.common.DemoStartException;
import io.lineone.client.common.StartupTimeline;
import io.lineone.server.DataDirectory;
import io.lineone.server.LineOneServer;
import io.lineone.server.ServerConfig;
import io.lineone.server.ServerStartException;
import io.lineone.server.sim.DemoWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The backend run inside the console's own process for the demo workspace.
 * The only client class that may use {@code io.lineone.server}: everything else, the demo
 * included, talks to it over HTTP like to any other server.
 */
public final class EmbeddedBackend implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedBackend.class.getName());

    private LineOneServer server;
    /** What the first start waits for (at most {@link #holdAtMost}), so it does not take the cores from it. */
    private CompletableFuture<?> notBefore = CompletableFuture.completedFuture(null);
    private Duration holdAtMost = Duration.ZERO;

    /**
     * Starts the backend on a daemon thread right away, so it boots while JavaFX starts up; whoever
     * calls {@link #start()} later waits for that boot instead of beginning another.
     */
    public void startInBackground() {
        startInBackground(CompletableFuture.completedFuture(null), Duration.ZERO);
    }

    /**
     * {@link #startInBackground()}, the boot held until {@code notBefore} completes, but for {@code atMost}: at
     * launch the last session's book is shown first, which needs no backend, and on two cores the backend's boot
     * would take half of them from it.
     */
    public synchronized void startInBackground(CompletableFuture<?> notBefore, Duration atMost) {
        this.notBefore = notBefore;
        this.holdAtMost = atMost;
        Thread boot = new Thread(() -> {
            try {
                start();
            } catch (DemoStartException e) {
                // The console's own start() call will meet the same failure and show it to the user.
                LOG.log(System.Logger.Level.WARNING, "the embedded backend did not start: " + e.getMessage());
            }
        }, "lineone-embedded-boot");
        boot.setDaemon(true);
        boot.start();
    }

    /** Starts the backend once (blocking, so off the FX thread); later calls return the running one's URL. */
    public synchronized String start() throws DemoStartException {
        if (server == null) {
            holdOnce();
            try {
                server = LineOneServer.start(ServerConfig.embedded());
                StartupTimeline.mark(StartupTimeline.Moment.BACKEND_LISTENING);
                // Where to point curl, the load generator or a second console at the demo workspace.
                LOG.log(System.Logger.Level.INFO, "embedded backend listening on " + server.url());
            } catch (ServerStartException e) {
                throw new DemoStartException(e.getMessage(), e);
            }
        }
        return server.url();
    }

    private void holdOnce() {
        try {
            notBefore.get(holdAtMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Waited long enough, or what it waited for failed: the backend starts now.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notBefore = CompletableFuture.completedFuture(null);
    }

    /**
     * Stops the backend, deletes its database and starts it again, which seeds a new demo workspace (blocking, so
     * off the FX thread).
     */
    public synchronized void reset() throws DemoStartException {
        close();
        Path database = DataDirectory.resolve().resolve("db");
        try {
            if (Files.exists(database)) {
                try (Stream<Path> files = Files.walk(database)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new DemoStartException("cannot delete the demo database in " + database + ": " + e.getMessage(), e);
        }
        start();
    }

    /** Where the console keeps its data: the demo workspace's database, and its logs. */
    public Path dataDirectory() {
        return DataDirectory.resolve();
    }

    /** One account of each role the demo seeds (as {@link DemoWorkspace} names them), the demo manager first. */
    public List<DemoAccount> accounts() {
        return List.of(new DemoAccount(DemoWorkspace.MANAGER_LOGIN, "李娜", Role.MANAGER),
                new DemoAccount(DemoWorkspace.SUPERVISOR_LOGIN, "陈静", Role.SUPERVISOR),
                new DemoAccount(DemoWorkspace.PRODUCT_OWNER_LOGIN, "赵磊", Role.PRODUCT_OWNER),
                new DemoAccount(DemoWorkspace.ADMIN_LOGIN, "管理员", Role.ADMIN));
    }

    public String password() {
        return DemoWorkspace.PASSWORD;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
