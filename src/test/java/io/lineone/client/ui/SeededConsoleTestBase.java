package io.lineone.client.ui;

import io.lineone.testing.ManagerBooks;
import io.lineone.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Console tests that share one real backend per class, seeded with two managers' books ({@link ManagerBooks}). */
abstract class SeededConsoleTestBase extends ConsoleTestBase {

    protected static TestServer server;
    protected static ManagerBooks books;

    @BeforeAll
    static void startServer() {
        server = TestServer.onH2().systemClock().start();
        books = ManagerBooks.seed(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
