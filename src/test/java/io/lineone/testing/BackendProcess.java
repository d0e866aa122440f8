package io.lineone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.SessionRequest;
import io.lineone.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code lineone server --db …} in a JVM of its own (the test's class path), for tests that kill a backend the way
 * a crash or an out-of-memory killer would: {@link #kill()} is SIGKILL — no shutdown hook, no pool closed, nothing
 * flushed. Start it again on the same database and port with {@link #start} to see what survived.
 */
public final class BackendProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final Path output;
    private final ApiClient api;

    private BackendProcess(Process process, Path output, ApiClient api) {
        this.process = process;
        this.output = output;
        this.api = api;
    }

    /**
     * Starts a backend on {@code jdbcUrl} (PostgreSQL as {@code postgres}, or H2) at {@code port} and waits until it
     * answers {@code /health}; {@code label} names its log file in {@code home}.
     */
    public static BackendProcess start(String jdbcUrl, int port, Path home, String label) {
        Path output = home.resolve("server-" + label + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.lineone.Main",
                "server", "--host", "127.0.0.1", "--port", Integer.toString(port), "--db", jdbcUrl)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("LINEONE_DB_USER", "postgres");
        builder.environment().put("LINEONE_DB_PASSWORD", "postgres");
        builder.environment().put("LINEONE_ADMIN_PASSWORD", ServerConfig.TEST_ADMIN_PASSWORD);
        builder.environment().put("LINEONE_HOME", home.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fork a backend", e);
        }
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        try {
            Await.until(START, () -> answers(api) || !process.isAlive(), "the forked backend answers /health");
            assertThat(process.isAlive()).as("the forked backend runs: %s", read(output)).isTrue();
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        return new BackendProcess(process, output, api);
    }

    /** A client of this backend (of whichever backend listens on its port, after a restart). */
    public ApiClient api() {
        return api;
    }

    /** Signs in as the ADMIN the backend created on its empty database, and returns the token. */
    public String signInAsAdmin() {
        return signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
    }

    public String signIn(String login, String password) {
        ApiClient.Response session = api.post("/session", null, new SessionRequest(login, password));
        assertThat(session.status()).as("sign-in of %s: %s", login, session).isEqualTo(201);
        return session.json().get("token").asText();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the backend is gone after SIGKILL").isTrue();
    }

    /** What the backend wrote to standard output and error. */
    public String log() {
        return read(output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answers(ApiClient api) {
        try {
            return api.get("/health", null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
