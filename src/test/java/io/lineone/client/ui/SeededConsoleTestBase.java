package io.lineone.client.ui;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Console tests that share one real backend per class, seeded with two managers' books ({@link TestBackend#seeded()}). */
abstract class SeededConsoleTestBase extends ConsoleTestBase {

    protected static TestBackend server;

    @BeforeAll
    static void startServer() throws IOException {
        server = TestBackend.seeded();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
