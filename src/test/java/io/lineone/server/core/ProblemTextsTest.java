package io.lineone.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemTextsTest {

    /** The keys one bundle file itself holds, without what a parent bundle would lend it. */
    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemTexts.class.getResourceAsStream("/io/lineone/server/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    @Test
    void everyReasonIsToldInChineseToo() throws IOException {
        assertThat(keys("problems_zh.properties")).containsAll(keys("problems.properties"));
    }

    @Test
    void theCallersLanguageIsTheFirstOneWeSpeak() {
        assertThat(ProblemTexts.negotiate("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(ProblemTexts.CHINESE);
        assertThat(ProblemTexts.negotiate("zh-TW")).isEqualTo(ProblemTexts.CHINESE);
        assertThat(ProblemTexts.negotiate("en-US,zh;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemTexts.negotiate("fr, zh;q=0.3")).isEqualTo(ProblemTexts.CHINESE);
        assertThat(ProblemTexts.negotiate(null)).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemTexts.negotiate("not a ;; header=")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void enumsAndListsOfThemAreNamedInTheCallersWords() {
        Object[] move = {IssueStatus.NEW, IssueStatus.RESOLVED, List.of(IssueStatus.ACKNOWLEDGED, IssueStatus.IN_PROGRESS)};
        assertThat(ProblemTexts.format(ProblemTexts.CHINESE, "issue.move", move))
                .isEqualTo("问题不能从“新建”变为“已解决”。可变为：已受理、处理中。");
        assertThat(ProblemTexts.format(Locale.ENGLISH, "issue.move", move))
                .isEqualTo("An issue cannot move from NEW to RESOLVED. Allowed: ACKNOWLEDGED, IN_PROGRESS.");
        assertThat(ProblemTexts.format(Locale.ENGLISH, "issue.stale", 12_345L)).contains("version 12345 now");
    }
}
