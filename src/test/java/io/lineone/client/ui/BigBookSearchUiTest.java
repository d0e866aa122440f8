package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.client.common.SearchText;
import io.lineone.client.merchants.MerchantRow;
import io.lineone.server.sim.DemoWorkspace;
import io.lineone.testing.TestServer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A supervisor's book large enough that a search over all of it is made on a worker: typed fast, erased and typed
 * again, the table ends with exactly the rows of the last query — never an earlier query's that came back late.
 */
class BigBookSearchUiTest extends ConsoleTestBase {

    private static final int MERCHANTS = 6_000;
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.onH2().systemClock()
                .configure(config -> config.demo(true, false).demoMerchants(MERCHANTS)).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private List<MerchantRow> rows() {
        return fx(() -> List.copyOf(table().getItems()));
    }

    private static List<String> matching(List<MerchantRow> book, String query) {
        String[] terms = SearchText.terms(query);
        return book.stream().filter(row -> row.matches(terms)).map(MerchantRow::id).toList();
    }

    private List<String> shownIds() {
        return fx(() -> table().getItems().stream().map(MerchantRow::id).toList());
    }

    @Test
    void typingFastEndsWithTheRowsOfTheLastQueryOnly() throws TimeoutException {
        open(Locale.ENGLISH, Optional.of(server.url()), server, DemoWorkspace.SUPERVISOR_LOGIN);
        signIn(DemoWorkspace.SUPERVISOR_LOGIN, DemoWorkspace.PASSWORD);
        waitUntil(() -> showing("#navMerchants"));
        clickOn("#navMerchants");
        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == MERCHANTS);
        List<MerchantRow> book = rows();

        clickOn("#searchField").write("shanghai");
        type(KeyCode.BACK_SPACE, 8);
        write("hz");
        type(KeyCode.BACK_SPACE);
        write("angzhou");
        type(KeyCode.BACK_SPACE, 7);
        write("z");
        String last = "hz";
        assertThat(text("#searchField")).isEqualTo(last);
        List<String> expected = matching(book, last);
        assertThat(expected).as("the query finds some merchants, not all").isNotEmpty().hasSizeLessThan(MERCHANTS);

        waitUntil(() -> shownIds().equals(expected));
        // Nothing that comes back later (an earlier query's pass) replaces them.
        for (int i = 0; i < 20; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(shownIds()).isEqualTo(expected);

        type(KeyCode.BACK_SPACE, 2);
        write("hangzhou");
        List<String> pinyin = matching(book, "hangzhou");
        assertThat(pinyin).isNotEmpty();
        waitUntil(() -> shownIds().equals(pinyin));
        type(KeyCode.BACK_SPACE, 4);
        List<String> shorter = matching(book, "hang");
        assertThat(shorter).hasSizeGreaterThan(pinyin.size());
        waitUntil(() -> shownIds().equals(shorter));
    }
}
