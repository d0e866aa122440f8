package io.lineone.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Priority;
import io.lineone.api.SessionRequest;
import io.lineone.server.issues.SlaPolicy;
import io.lineone.server.sim.DemoWorkspace;
import io.lineone.testing.ApiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code lineone server …}: what a person at a terminal sees for each way of starting it. */
class ServerMainTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private static String memoryDb() {
        return "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** The test configuration (loopback, quick hashes, an admin password) that command-line flags then change. */
    private static ServerConfig base() {
        return ServerConfig.forTests();
    }

    private static ServerConfig withoutAdminPassword(ServerConfig c) {
        return c.toBuilder().adminPassword(null).build();
    }

    private void assertOneErrorLine(String... mentions) {
        assertThat(err().lines().toList()).as("err: %s", err()).hasSize(1);
        assertThat(err()).startsWith("lineone server: ").contains(mentions).doesNotContain("Exception", "\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(ServerMain.run(new String[] {"--help"}, out, err)).isZero();
        assertThat(out()).startsWith("Usage: java -jar lineone.jar server").contains("--port", "--db", "--demo",
                "LINEONE_ADMIN_PASSWORD");
        assertThat(err()).isEmpty();
    }

    @Test
    void dashHIsHelpToo() {
        assertThat(ServerMain.run(new String[] {"--port", "9", "-h"}, out, err)).isZero();
        assertThat(out()).startsWith("Usage:");
    }

    static List<List<String>> wrongCommandLines() {
        return List.of(
                List.of("--nope"),
                List.of("serve"),
                List.of("--port", "abc"),
                List.of("--port", "70000"),
                List.of("--port", "-1"),
                List.of("--port", "1.5"),
                List.of("--port"),
                List.of("--port", "--demo"),
                List.of("--db", "mysql://x"),
                List.of("--db", "jdbc:mysql://localhost/lineone"),
                List.of("--db"),
                List.of("--lighthouse-weights", "speed=1"),
                List.of("--lighthouse-weights", "dsr=-1"),
                List.of("--lighthouse-weights", "shipping=0,preSale=0,afterSale=0,dsr=0,dispute=0"),
                List.of("--sla", "P5=1m/1h"),
                List.of("--sla", "P1=60s"),
                List.of("--sla", "P1=soon/4h"),
                List.of("--sla", "P1=0s/4h"),
                List.of("--db-pool", "0"),
                List.of("--db-pool", "many"),
                List.of("--db-pool"),
                List.of("--no-demo-traffic"));
    }

    @Test
    void theDemoRunsItsTrafficUnlessToldNotTo() {
        assertThat(ServerMain.parse(List.of("--demo"), base()).simulate()).isTrue();
        ServerConfig quiet = ServerMain.parse(List.of("--demo", "--no-demo-traffic"), base());
        assertThat(quiet.demo()).isTrue();
        assertThat(quiet.simulate()).isFalse();
    }

    @Test
    void thePoolSizeComesFromTheCommandLine() {
        assertThat(base().dbPoolSize()).isEqualTo(ServerConfig.DEFAULT_DB_POOL);
        assertThat(ServerMain.parse(List.of("--db-pool", "24"), base()).dbPoolSize()).isEqualTo(24);
    }

    @Test
    void slaTargetsComeFromTheCommandLineAndTheRestKeepTheirDefaults() {
        ServerConfig config = ServerMain.parse(List.of("--sla", "P1=30s/2h, p4=1d/14d"), base());
        assertThat(config.sla().of(Priority.P1)).isEqualTo(new SlaPolicy.Targets(Duration.ofSeconds(30), Duration.ofHours(2)));
        assertThat(config.sla().of(Priority.P4)).isEqualTo(new SlaPolicy.Targets(Duration.ofDays(1), Duration.ofDays(14)));
        assertThat(config.sla().of(Priority.P2)).isEqualTo(SlaPolicy.DEFAULT.of(Priority.P2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCommandLines")
    void aWrongCommandLineIsOneLineAndExitCode2(List<String> args) {
        assertThat(ServerMain.run(args.toArray(String[]::new), out, err)).isEqualTo(2);
        assertOneErrorLine("--help");
    }

    @Test
    void aPortInUseIsOneLineNamingThePortAndExitCode1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            ServerMain.Started started = ServerMain.start(new String[] {"--port", port, "--db", memoryDb()}, out, err, base());
            assertThat(started.exitCode()).isEqualTo(1);
            assertThat(started.server()).isNull();
            assertOneErrorLine(port, "in use");
        }
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndExitCode1WithoutAStackTrace() {
        // The real stderr too: a library logging a stack trace there would reach the person at the terminal.
        PrintStream realErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            code = ServerMain.run(new String[] {"--port", "0", "--db", "jdbc:postgresql://127.0.0.1:1/none"}, out, err);
        } finally {
            System.setErr(realErr);
        }
        assertThat(code).isEqualTo(1);
        assertOneErrorLine("127.0.0.1:1");
        assertThat(logged.toString(StandardCharsets.UTF_8)).as("logged on stderr").doesNotContain("\tat ", "Exception:");
    }

    @Test
    void theDatabasePasswordNeverAppearsInTheMessage() {
        int code = ServerMain.run(new String[] {"--port", "0", "--db",
                "jdbc:postgresql://127.0.0.1:1/none?user=lineone&password=s3cret"}, out, err);
        assertThat(code).isEqualTo(1);
        assertOneErrorLine("127.0.0.1:1");
        assertThat(err()).doesNotContain("s3cret");
    }

    @Test
    void anEmptyDatabaseWithoutAnAdminPasswordIsRefused() {
        ServerMain.Started started = ServerMain.start(new String[] {"--port", "0", "--db", memoryDb()}, out, err,
                withoutAdminPassword(base()));
        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(started.server()).isNull();
        assertOneErrorLine("LINEONE_ADMIN_PASSWORD", "--demo");
    }

    @Test
    void aTooShortAdminPasswordIsRefused() {
        ServerConfig shortPassword = base().toBuilder().database(memoryDb(), null, null).adminPassword("short").build();
        ServerMain.Started started = ServerMain.start(new String[0], out, err, shortPassword);
        assertThat(started.exitCode()).isEqualTo(1);
        assertOneErrorLine("LINEONE_ADMIN_PASSWORD");
    }

    @Test
    void startsServingAndSaysWhere() {
        ServerMain.Started started = ServerMain.start(new String[] {"--port", "0", "--db", memoryDb()}, out, err, base());
        try (LineOneServer server = started.server()) {
            assertThat(started.exitCode()).isZero();
            assertThat(out()).isEqualTo("LineOne backend " + LineOneServer.version() + " listening on " + server.url()
                    + "/api/v1 (database: H2)" + System.lineSeparator());
            assertThat(err()).isEmpty();
            ApiClient api = new ApiClient(server.url());
            assertThat(api.get("/health", null).status()).isEqualTo(200);
            assertThat(api.post("/session", null, new SessionRequest("admin", ServerConfig.TEST_ADMIN_PASSWORD)).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void demoSeedsTheWorkspaceEvenWithoutAnAdminPassword() {
        ServerMain.Started started = ServerMain.start(new String[] {"--port", "0", "--db", memoryDb(), "--demo"}, out, err,
                withoutAdminPassword(base()));
        try (LineOneServer server = started.server()) {
            assertThat(started.exitCode()).as("err: %s", err()).isZero();
            assertThat(out()).contains("demo workspace");
            ApiClient api = new ApiClient(server.url());
            ApiClient.Response session = api.post("/session", null,
                    new SessionRequest(DemoWorkspace.MANAGER_LOGIN, DemoWorkspace.PASSWORD));
            assertThat(session.status()).isEqualTo(201);
            String token = session.json().get("token").asText();
            assertThat(api.get("/merchants?limit=500", token).json().get("items"))
                    .hasSize(DemoWorkspace.MERCHANTS_PER_MANAGER);
        }
    }
}
