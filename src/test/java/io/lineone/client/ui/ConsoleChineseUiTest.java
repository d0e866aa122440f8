package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.testing.ManagerBooks;
import io.lineone.testing.Screenshots;
import io.lineone.testing.TestServer;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The console in Simplified Chinese: every screen's text comes from the zh_CN bundle. */
class ConsoleChineseUiTest extends SeededConsoleTestBase {

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    @Test
    void signInAndSearchInChinese() throws TimeoutException {
        open(Locale.SIMPLIFIED_CHINESE, Optional.of(server.url()), server, ManagerBooks.LI_NA);
        assertThat(stage.getTitle()).isEqualTo("LineOne — 登录");
        assertThat(text("#signInButton")).isEqualTo("登录");

        clickOn("#login").write(ManagerBooks.LI_NA);
        clickOn("#password").write(TestServer.PASSWORD);
        Screenshots.save(stage.getScene(), "signin-zh");
        clickOn("#signInButton");

        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == 5);
        assertThat(text("#countLabel")).isEqualTo("共 5 个商家");
        assertThat(text("#userLabel")).isEqualTo("李娜 · 客户经理");

        clickOn("#searchField").write("杭州");
        waitUntil(() -> table().getItems().size() == 3);
        assertThat(text("#countLabel")).isEqualTo("3 / 5 个商家");
        clickOn("杭州丝绸贸易有限公司");
        waitUntil(() -> showing("#detailName") && text("#detailName").equals("杭州丝绸贸易有限公司"));
        waitUntil(() -> showing("#detailShipping"));
        assertThat(text("#detailShipping")).endsWith(" 小时");
        Screenshots.save(stage.getScene(), "main-merchants-zh");
    }
}
