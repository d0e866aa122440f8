package io.lineone.client.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.api.Problem;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.BackendClient;
import io.lineone.server.ServerConfig;
import io.lineone.testing.TestServer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorMessagesTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private final ErrorMessages english = new ErrorMessages(Messages.forLocale(Locale.ENGLISH));
    private final ErrorMessages chinese = new ErrorMessages(Messages.forLocale(Locale.SIMPLIFIED_CHINESE));

    @Test
    void aServerFailureNamesTheRequestIdToReport() {
        BackendException failed = BackendException.problem("http://x", new Problem("urn:lineone:problem:internal",
                "Internal Server Error", 500, "The server failed to answer.", List.of(), "9f1c-42"));
        assertThat(english.describe(failed)).isEqualTo("The server had a problem (HTTP 500). Try again in a moment; "
                + "if it keeps happening, give your administrator the request id 9f1c-42.");
        assertThat(chinese.describe(failed)).isEqualTo("服务器出错（HTTP 500），请稍后重试；如果一再出现，请把请求编号 9f1c-42 告诉管理员。");

        BackendException withoutId = BackendException.problem("http://x", new Problem(null, "HTTP 502", 502, null, List.of()));
        assertThat(english.describe(withoutId)).isEqualTo("The server had a problem (HTTP 502). Try again in a moment.");
    }

    @Test
    void theConsoleReadsTheRequestIdOfARealProblem() throws BackendException {
        BackendClient client = BackendClient.withDefaults(Locale.ENGLISH);
        client.signIn(server.url(), "admin", ServerConfig.TEST_ADMIN_PASSWORD);
        assertThatThrownBy(() -> client.merchants().merchant("no-such-merchant"))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.problem().orElseThrow().requestId())
                        .matches("[0-9a-f-]{36}"));
    }
}
