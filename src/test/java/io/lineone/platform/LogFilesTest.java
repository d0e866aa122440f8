package io.lineone.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void theLogRotatesAtItsSizeLimitAndKeepsAFixedNumberOfFiles() throws IOException {
        LogFiles.RotatingFile file = LogFiles.RotatingFile.open(dir.resolve("logs"), 2_000, 3);
        Logger logger = Logger.getLogger("lineone.test.rotation");
        logger.setUseParentHandlers(false);
        logger.addHandler(file.handler());
        try {
            for (int i = 0; i < 200; i++) {
                logger.info("line " + i + " 一号专线 " + "x".repeat(40));
            }
        } finally {
            logger.removeHandler(file.handler());
            file.handler().close();
        }

        assertThat(file.path()).isEqualTo(dir.resolve("logs/lineone-0.log"));
        assertThat(logFiles()).containsExactly("lineone-0.log", "lineone-1.log", "lineone-2.log");
        for (String name : logFiles()) {
            assertThat(Files.size(dir.resolve("logs").resolve(name))).isLessThanOrEqualTo(2_200);
        }
        assertThat(Files.readString(file.path(), StandardCharsets.UTF_8)).contains("line 199 一号专线");
    }

    @Test
    void aSecondProcessWritingTheSameFolderGetsAFileOfItsOwn() throws IOException {
        LogFiles.RotatingFile first = LogFiles.RotatingFile.open(dir, 10_000, 2);
        LogFiles.RotatingFile second = LogFiles.RotatingFile.open(dir, 10_000, 2);
        try {
            assertThat(second.path()).isNotEqualTo(first.path());
            assertThat(second.path().getFileName().toString()).startsWith("lineone-0.log");
        } finally {
            first.handler().close();
            second.handler().close();
        }
    }

    @Test
    void aRecordIsOneLineWithItsTimeLevelAndLoggerThenAnyStackTrace() {
        var record = new java.util.logging.LogRecord(Level.WARNING, "the embedded backend did not start: {0}");
        record.setParameters(new Object[] {"port in use"});
        record.setLoggerName("io.lineone.client.EmbeddedBackend");
        record.setMillis(1_765_000_000_123L);
        record.setThrown(new IllegalStateException("boom"));

        String text = new LogFiles.OneLine().format(record);

        assertThat(text.lines().findFirst()).hasValue(
                "2025-12-06T05:46:40.123Z WARNING io.lineone.client.EmbeddedBackend: the embedded backend did not start: port in use");
        assertThat(text).contains("java.lang.IllegalStateException: boom");
    }

    private List<String> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList();
        }
    }
}
