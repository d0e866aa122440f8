package io.lineone.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserDirectoriesTest {

    private static final Path HOME = Path.of("/home/li");

    @Test
    void linuxFollowsTheXdgDefaults() {
        UserDirectories dirs = UserDirectories.of("Linux", Map.of(), HOME, null, path -> false);

        assertThat(dirs.data()).isEqualTo(Path.of("/home/li/.local/share/LineOne"));
        assertThat(dirs.config()).isEqualTo(Path.of("/home/li/.config/LineOne"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/home/li/.local/state/LineOne/logs"));
    }

    @Test
    void linuxHonoursTheXdgVariablesButNotRelativeOnes() {
        UserDirectories dirs = UserDirectories.of("Linux",
                Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "relative/state"),
                HOME, null, path -> false);

        assertThat(dirs.data()).isEqualTo(Path.of("/data/LineOne"));
        assertThat(dirs.config()).isEqualTo(Path.of("/cfg/LineOne"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/home/li/.local/state/LineOne/logs"));
    }

    @Test
    void anEarlierReleasesLowerCaseDataFolderKeepsItsDatabase() {
        Set<Path> present = Set.of(Path.of("/home/li/.local/share/lineone"));

        assertThat(UserDirectories.of("Linux", Map.of(), HOME, null, present::contains).data())
                .isEqualTo(Path.of("/home/li/.local/share/lineone"));
        assertThat(UserDirectories.of("Linux", Map.of(), HOME, null,
                Set.of(Path.of("/home/li/.local/share/lineone"), Path.of("/home/li/.local/share/LineOne"))::contains)
                .data()).isEqualTo(Path.of("/home/li/.local/share/LineOne"));
    }

    @Test
    void windowsKeepsEverythingInTheLocalProfile() {
        Map<String, String> env = Map.of("LOCALAPPDATA", "/c/Users/li/AppData/Local",
                "APPDATA", "/c/Users/li/AppData/Roaming");

        UserDirectories dirs = UserDirectories.of("Windows 11", env, HOME, null, path -> false);

        assertThat(dirs.data()).isEqualTo(Path.of("/c/Users/li/AppData/Local/LineOne"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/c/Users/li/AppData/Local/LineOne/logs"));
        assertThat(UserDirectories.of("Windows 11", env, HOME, null,
                Set.of(Path.of("/c/Users/li/AppData/Roaming/LineOne"))::contains).data())
                .as("the roaming folder an earlier release used").isEqualTo(Path.of("/c/Users/li/AppData/Roaming/LineOne"));
    }

    @Test
    void macOsUsesApplicationSupportAndLogs() {
        UserDirectories dirs = UserDirectories.of("Mac OS X", Map.of(), Path.of("/Users/li"), null, path -> false);

        assertThat(dirs.data()).isEqualTo(Path.of("/Users/li/Library/Application Support/LineOne"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/Users/li/Library/Logs/LineOne"));
    }

    @Test
    void lineOneHomeWinsAndHoldsAllThree() {
        UserDirectories fromEnv = UserDirectories.of("Windows 11", Map.of("LINEONE_HOME", "/tmp/x",
                "LOCALAPPDATA", "/c/l"), HOME, null, path -> true);
        UserDirectories fromProperty = UserDirectories.of("Linux", Map.of("LINEONE_HOME", "/tmp/x"), HOME, "/tmp/y",
                path -> true);

        assertThat(fromEnv).isEqualTo(new UserDirectories(Path.of("/tmp/x"), Path.of("/tmp/x/config"),
                Path.of("/tmp/x/logs")));
        assertThat(fromProperty.data()).as("the property over the variable").isEqualTo(Path.of("/tmp/y"));
    }
}
