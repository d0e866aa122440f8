package io.lineone.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.client.common.InMemoryServerSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupOptionsTest {

    private final InMemoryServerSettings saved = new InMemoryServerSettings("http://saved:1");
    private final InMemoryServerSettings none = new InMemoryServerSettings(null);

    @Test
    void argumentBeatsEnvironmentBeatsSavedSetting() {
        Map<String, String> env = Map.of("LINEONE_SERVER", "http://env:2");
        assertThat(StartupOptions.parse(List.of("--server", "http://arg:3"), env).serverUrl(saved)).contains("http://arg:3");
        assertThat(StartupOptions.parse(List.of("--server=http://arg:4"), env).serverUrl(saved)).contains("http://arg:4");
        assertThat(StartupOptions.parse(List.of(), env).serverUrl(saved)).contains("http://env:2");
        assertThat(StartupOptions.parse(List.of(), Map.of()).serverUrl(saved)).contains("http://saved:1");
    }

    @Test
    void nothingConfiguredMeansTheDemoWorkspace() {
        assertThat(StartupOptions.parse(List.of(), Map.of("LINEONE_SERVER", " ")).serverUrl(none)).isEmpty();
        assertThat(StartupOptions.parse(List.of("--server"), Map.of()).serverUrl(none)).isEmpty();
    }
}
