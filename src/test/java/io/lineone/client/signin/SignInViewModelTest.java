package io.lineone.client.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.common.InMemoryServerSettings;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.TestDemo;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.FakeBackend;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {

    private final FakeBackend backend = new FakeBackend();
    private final InMemoryServerSettings settings = new InMemoryServerSettings(null);
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final List<SignedIn> signedIn = new ArrayList<>();
    private final List<String> demoLogins = new ArrayList<>();

    private SignInViewModel model(TaskExecutor executor) {
        return new SignInViewModel(backend, executor, messages, settings, TestDemo.of(login -> {
            demoLogins.add(login);
            return new SignedIn(backend.signIn("http://127.0.0.1:1", FakeBackend.LOGIN, FakeBackend.PASSWORD),
                    "http://127.0.0.1:1", true);
        }), signedIn::add);
    }

    private static void fill(SignInViewModel model, String url, String login, String password) {
        model.serverUrlProperty().set(url);
        model.loginProperty().set(login);
        model.passwordProperty().set(password);
    }

    @Test
    void signsInSavesTheNormalisedUrlAndForgetsThePassword() {
        SignInViewModel model = model(new CurrentThreadTaskExecutor());
        fill(model, " lineone.example.com:7070/api/v1/ ", "li.na", FakeBackend.PASSWORD);

        model.signIn();

        assertThat(signedIn).hasSize(1);
        assertThat(signedIn.get(0).demo()).isFalse();
        assertThat(signedIn.get(0).serverUrl()).isEqualTo("http://lineone.example.com:7070");
        assertThat(backend.lastServerUrl).isEqualTo("http://lineone.example.com:7070");
        assertThat(settings.serverUrl()).contains("http://lineone.example.com:7070");
        assertThat(settings.login()).as("remembered for the next sign-in").contains("li.na");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void cannotSubmitUntilEveryFieldIsFilled() {
        SignInViewModel model = model(new CurrentThreadTaskExecutor());
        assertThat(model.signInDisabledProperty().get()).isTrue();
        fill(model, "http://h:1", "li.na", "");
        assertThat(model.signInDisabledProperty().get()).isTrue();
        model.signIn();
        assertThat(backend.signInCalls).isZero();
        model.passwordProperty().set("x");
        assertThat(model.signInDisabledProperty().get()).isFalse();
    }

    @Test
    void wrongPasswordSaysSoKeepsTheLoginAndClearsThePassword() {
        SignInViewModel model = model(new CurrentThreadTaskExecutor());
        fill(model, "http://h:1", "li.na", "wrong");

        model.signIn();

        assertThat(signedIn).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("Wrong login or password.");
        assertThat(model.loginProperty().get()).isEqualTo("li.na");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.retryableProperty().get()).isFalse();
        assertThat(settings.serverUrl()).isEmpty();
    }

    @Test
    void unreachableServerOffersRetryThatSucceedsOnceItIsBack() {
        SignInViewModel model = model(new CurrentThreadTaskExecutor());
        fill(model, "http://h:1", "li.na", FakeBackend.PASSWORD);
        backend.failNext(BackendException.unreachable("http://h:1", new ConnectException()));

        model.signIn();

        assertThat(model.errorProperty().get()).startsWith("Cannot reach the server at http://h:1");
        assertThat(model.retryableProperty().get()).isTrue();
        assertThat(model.passwordProperty().get()).isEqualTo(FakeBackend.PASSWORD);

        model.retry();

        assertThat(signedIn).hasSize(1);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.retryableProperty().get()).isFalse();
    }

    @Test
    void throttledLoginSaysTryLater() {
        SignInViewModel model = model(new CurrentThreadTaskExecutor());
        fill(model, "http://h:1", "li.na", "whatever");
        backend.failNext(FakeBackend.status(429));

        model.signIn();

        assertThat(model.errorProperty().get()).isEqualTo("Too many sign-in attempts. Try again later.");
    }

    @Test
    void invalidAddressIsExplainedWithoutCallingTheServer() {
        SignInViewModel model = model(new CurrentThreadTaskExecutor());
        fill(model, "http://exa mple", "li.na", "x");

        model.signIn();

        assertThat(model.errorProperty().get()).startsWith("Enter a server address");
        assertThat(backend.signInCalls).isZero();
    }

    @Test
    void showsProgressWhileTheServerAnswers() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        SignInViewModel model = model(executor);
        fill(model, "http://h:1", "li.na", FakeBackend.PASSWORD);

        model.signIn();

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.busyTextProperty().get()).isEqualTo("Signing in…");
        assertThat(model.signInDisabledProperty().get()).isTrue();
        executor.runAll();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void demoWorkspaceForgetsTheSavedServer() {
        settings.saveServerUrl("http://team:7070");
        SignInViewModel model = model(new CurrentThreadTaskExecutor());

        model.openDemo();

        assertThat(demoLogins).as("the demo manager unless another account is picked").containsExactly("li.na");
        assertThat(settings.serverUrl()).isEmpty();
        assertThat(signedIn).singleElement().matches(SignedIn::demo);
    }

    @Test
    void theDemoOpensAsTheAccountPicked() {
        SignInViewModel model = model(new CurrentThreadTaskExecutor());
        assertThat(model.demoAccounts()).extracting(a -> a.role().name())
                .containsExactly("MANAGER", "SUPERVISOR", "PRODUCT_OWNER", "ADMIN");
        assertThat(model.demoAccountLabel(model.demoAccounts().get(1))).isEqualTo("陈静 · Supervisor (chen.jing)");

        model.demoAccountProperty().set(model.demoAccounts().get(2));
        model.openDemo();

        assertThat(demoLogins).containsExactly("zhao.lei");
    }

    @Test
    void demoThatCannotStartExplainsAndOffersRetry() {
        SignInViewModel model = model(new CurrentThreadTaskExecutor());
        backend.failNext(FakeBackend.status(500));

        model.openDemo();

        assertThat(model.errorProperty().get()).startsWith("The demo workspace could not start.")
                .contains("HTTP 500");
        assertThat(model.retryableProperty().get()).isTrue();
        model.retry();
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void prefillShowsTheSavedServerAndTheReason() {
        SignInViewModel model = model(new CurrentThreadTaskExecutor());
        settings.saveLogin("wang.wei");
        model.prefill("http://team:7070", "why");
        assertThat(model.serverUrlProperty().get()).isEqualTo("http://team:7070");
        assertThat(model.loginProperty().get()).as("the last login, after a sign-out or at start").isEqualTo("wang.wei");
        assertThat(model.errorProperty().get()).isEqualTo("why");
    }
}
