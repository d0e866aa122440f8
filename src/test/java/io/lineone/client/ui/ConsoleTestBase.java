package io.lineone.client.ui;

import io.lineone.client.AppWiring;
import io.lineone.client.settings.About;
import java.nio.file.Path;
import io.lineone.client.common.TestDemo;
import io.lineone.client.common.FxTaskExecutor;
import io.lineone.client.common.InMemoryServerSettings;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.Theme;
import io.lineone.client.merchants.MerchantRow;
import io.lineone.client.net.BackendClient;
import io.lineone.testing.TestServer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Runs the whole console, wired as in production but with in-memory settings, against a real backend. */
@ExtendWith(ApplicationExtension.class)
abstract class ConsoleTestBase extends FxRobot {

    protected Stage stage;
    protected AppWiring wiring;
    /** What the About section tells in tests: a data directory of the build's own. */
    protected static final About ABOUT = new About("test", Path.of("target", "test-data"), Optional.empty());

    protected final InMemoryServerSettings settings = new InMemoryServerSettings(null);
    /** The "demo workspace" of the last {@link #open}, which counts its resets. */
    protected TestDemo demo;

    /** Call from each test class's own {@code @Start}: TestFX looks for it on the concrete class only. */
    protected void prepare(Stage primary) {
        this.stage = primary;
        Theme.LIGHT.applyGlobally();
    }

    /**
     * Opens the console as the launcher would: at sign-in for {@code serverUrl}, or straight into the
     * "demo workspace", which here is the test server signed in as {@code demoLogin}.
     */
    protected void open(Locale locale, Optional<String> serverUrl, TestServer demoServer, String demoLogin) {
        open(locale, serverUrl, demoServer.url(), demoLogin);
    }

    /** {@link #open(Locale, Optional, TestServer, String)} with the "demo workspace" at {@code demoUrl}. */
    protected void open(Locale locale, Optional<String> serverUrl, String demoUrl, String demoLogin) {
        Messages messages = Messages.forLocale(locale);
        BackendClient backend = BackendClient.withDefaults(messages.locale());
        FxTaskExecutor executor = new FxTaskExecutor();
        // The demo's first account stands for demoLogin; another account picked at sign-in signs in as itself.
        String first = TestDemo.ACCOUNTS.get(0).login();
        demo = TestDemo.of(login -> new SignedIn(backend.signIn(demoUrl,
                login.equals(first) ? demoLogin : login, TestServer.PASSWORD), demoUrl, true));
        wiring = new AppWiring(messages, settings, executor, backend, demo, ABOUT, List.of(executor));
        interact(() -> {
            wiring.start(stage, serverUrl);
            stage.requestFocus();
        });
    }

    @AfterEach
    void closeConsole() throws TimeoutException {
        FxToolkit.cleanupStages();
        if (wiring != null) {
            wiring.close();
        }
    }

    protected void signIn(String login, String password) {
        clickOn("#login").write(login);
        clickOn("#password").write(password);
        type(KeyCode.ENTER);
    }

    protected void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition::get));
    }

    protected boolean showing(String query) {
        return lookup(query).tryQuery().map(node -> node.isVisible() && node.getScene() != null
                && isTreeVisible(node)).orElse(false);
    }

    private static boolean isTreeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    protected String text(String query) {
        return fx(() -> {
            Node node = lookup(query).query();
            return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
        });
    }

    @SuppressWarnings("unchecked")
    protected TableView<MerchantRow> table() {
        return (TableView<MerchantRow>) lookup("#merchantTable").queryAs(TableView.class);
    }

    protected List<String> shownNames() {
        return fx(() -> table().getItems().stream().map(row -> row.merchant().name()).toList());
    }

    /** The colour a region is painted in once CSS is applied: its innermost background fill. */
    protected Paint background(String query) {
        return fx(() -> {
            Region region = lookup(query).queryAs(Region.class);
            region.applyCss();
            List<BackgroundFill> fills = region.getBackground().getFills();
            return fills.get(fills.size() - 1).getFill();
        });
    }

    /** The colour of a label's or a cell's text once CSS is applied. */
    protected Paint textFill(String query) {
        return fx(() -> {
            Labeled labeled = lookup(query).queryLabeled();
            labeled.applyCss();
            return labeled.getTextFill();
        });
    }

    protected static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
