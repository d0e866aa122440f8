package io.lineone.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.DeliveryStatus;
import io.lineone.api.Band;
import io.lineone.api.ClusterKind;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStatus;
import io.lineone.api.Gate;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueStatus;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.api.TimelineKind;
import io.lineone.client.bells.BellFilter;
import io.lineone.client.ledger.InsightsScope;
import io.lineone.client.main.Section;
import io.lineone.client.merchants.BandChoice;
import io.lineone.client.merchants.TierChoice;
import io.lineone.client.notices.Notice;
import io.lineone.client.net.BellAction;
import io.lineone.client.queue.AssigneeChoice;
import io.lineone.client.queue.QueueView;
import io.lineone.client.queue.RootCause;
import io.lineone.client.queue.StatusChoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashSet;
import io.lineone.client.common.ConsoleSettings;
import io.lineone.client.common.Theme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language has every key; every key used in FXML or code exists; no key is left unused. */
class MessagesBundleTest {

    private static final Path JAVA = Path.of("src/main/java/io/lineone/client");
    private static final Path RESOURCES = Path.of("src/main/resources/io/lineone/client");
    private static final List<String> BUNDLES = List.of("messages.properties", "messages_zh_CN.properties");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([^\"]+)\"");
    private static final Pattern FXML_TEXT = Pattern.compile("\\b(text|promptText|accessibleText)=\"([^\"]*)\"");
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:app|common|startup|signin|error|main|role|tier|band|merchants|queue|issue|bells|toast|notices|search|conversation|fixes|ledger|settings|insights)\\.[A-Za-z0-9_.]*)\"");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> keys(String name) throws IOException {
        return new TreeSet<>(bundle(name).stringPropertyNames());
    }

    private static Map<Path, String> files(Path root, String extension) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(extension)).toList()) {
                files.put(path, Files.readString(path));
            }
        }
        return files;
    }

    private static Set<String> matches(Pattern pattern, Map<Path, String> files) {
        Set<String> found = new TreeSet<>();
        for (String text : files.values()) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    /** Keys the code builds from enum values rather than writing out. */
    private static Set<String> enumKeys() {
        Set<String> keys = new TreeSet<>();
        for (Role role : Role.values()) {
            keys.add("role." + role.name());
        }
        for (Tier tier : Tier.values()) {
            keys.add("tier." + tier.name());
        }
        for (Band band : Band.values()) {
            keys.add("band." + band.name());
        }
        for (Section section : Section.values()) {
            keys.add(section.titleKey());
        }
        for (Theme theme : Theme.values()) {
            keys.add("settings.theme." + theme.name().toLowerCase(Locale.ROOT));
        }
        for (ConsoleSettings.TextSize size : ConsoleSettings.TextSize.values()) {
            keys.add("settings.textSize." + size.name().toLowerCase(Locale.ROOT));
        }
        for (TierChoice choice : TierChoice.values()) {
            keys.add(choice.labelKey());
        }
        for (BandChoice choice : BandChoice.values()) {
            keys.add(choice.labelKey());
        }
        for (TimelineKind kind : TimelineKind.values()) {
            keys.add("merchants.timeline.kind." + kind.name());
        }
        for (AssigneeChoice choice : AssigneeChoice.values()) {
            keys.add(choice.labelKey());
        }
        for (StatusChoice choice : StatusChoice.values()) {
            keys.add(choice.labelKey());
        }
        for (QueueView view : QueueView.values()) {
            keys.add(view.labelKey());
        }
        for (Notice.Kind kind : Notice.Kind.values()) {
            keys.add(kind.labelKey());
        }
        for (RootCause cause : RootCause.values()) {
            keys.add(cause.labelKey());
        }
        for (IssueStatus status : IssueStatus.values()) {
            keys.add("issue.status." + status.name());
        }
        for (IssueCategory category : IssueCategory.values()) {
            keys.add("issue.category." + category.name());
        }
        for (BellStatus status : BellStatus.values()) {
            keys.add("bells.status." + status.name());
        }
        for (BellSeverity severity : BellSeverity.values()) {
            keys.add("bells.severity." + severity.name());
        }
        for (ReleaseStage stage : ReleaseStage.values()) {
            keys.add("bells.stage." + stage.name());
        }
        for (Gate gate : Gate.values()) {
            keys.add("bells.gate." + gate.name());
        }
        for (BellFilter filter : BellFilter.values()) {
            keys.add(filter.labelKey());
        }
        for (BellAction action : BellAction.values()) {
            keys.add("bells.step." + action.path());
            keys.add("bells.done." + action.path());
        }
        for (DeliveryStatus status : DeliveryStatus.values()) {
            keys.add("conversation.delivery." + status.name());
        }
        for (String alert : List.of("pulled", "reopened", "overruled", "fixed", "overdue")) {
            keys.add("bells.alert." + alert + ".title");
            keys.add("bells.alert." + alert + ".body");
        }
        for (InsightsScope scope : InsightsScope.values()) {
            if (scope != InsightsScope.NONE) {
                keys.add("insights.scope." + scope.name());
            }
        }
        for (ClusterKind kind : ClusterKind.values()) {
            keys.add("insights.clusters.kind." + kind.name());
        }
        return keys;
    }

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Set<String> english = keys(BUNDLES.get(0));
        for (String other : BUNDLES.subList(1, BUNDLES.size())) {
            Set<String> translated = keys(other);
            assertThat(translated).as("keys missing from " + other).containsAll(english);
            assertThat(english).as("keys only in " + other).containsAll(translated);
        }
    }

    @Test
    void everyKeyInFxmlExists() throws IOException {
        Set<String> used = matches(FXML_KEY, files(RESOURCES, ".fxml"));
        assertThat(used).isNotEmpty();
        for (String bundle : BUNDLES) {
            assertThat(keys(bundle)).as("FXML keys missing from " + bundle).containsAll(used);
        }
    }

    @Test
    void fxmlHasNoLiteralText() throws IOException {
        for (Map.Entry<Path, String> file : files(RESOURCES, ".fxml").entrySet()) {
            Matcher matcher = FXML_TEXT.matcher(file.getValue());
            while (matcher.find()) {
                assertThat(matcher.group(2)).as(file.getKey() + " " + matcher.group(1)).startsWith("%");
            }
        }
    }

    @Test
    void everyKeyInCodeExists() throws IOException {
        Set<String> used = new TreeSet<>(matches(CODE_KEY, files(JAVA, ".java")));
        used.removeIf(key -> key.endsWith("."));
        used.addAll(enumKeys());
        for (String bundle : BUNDLES) {
            assertThat(keys(bundle)).as("code keys missing from " + bundle).containsAll(used);
        }
    }

    @Test
    void noKeyIsUnused() throws IOException {
        Set<String> used = new HashSet<>(matches(CODE_KEY, files(JAVA, ".java")));
        used.addAll(matches(FXML_KEY, files(RESOURCES, ".fxml")));
        used.addAll(enumKeys());
        Set<String> unused = new TreeSet<>(keys(BUNDLES.get(0)));
        unused.removeAll(used);
        assertThat(unused).as("keys no screen uses").isEmpty();
    }

    @Test
    void everyPatternIsAValidMessageFormat() throws IOException {
        for (String name : BUNDLES) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                assertThat(value).as(name + " " + key).isNotBlank();
                if (value.contains("{")) {
                    new MessageFormat(value, Locale.ROOT).format(new Object[] {1, 2, 3});
                }
            }
        }
    }
}
