package io.lineone.client;

import io.lineone.client.common.ConsoleSettings;
import io.lineone.client.common.FxTaskExecutor;
import io.lineone.client.common.Messages;
import io.lineone.client.common.PreferencesServerSettings;
import io.lineone.client.merchants.BookSnapshots;
import io.lineone.client.net.BackendClient;
import io.lineone.client.settings.About;
import io.lineone.platform.LogFiles;
import java.util.List;
import java.util.Locale;

/**
 * The console as shipped, made from its real parts: the user's preferences, the network, the embedded demo backend
 * and the books kept on this computer. Tests make an {@link AppWiring} from fakes instead. None of it needs the FX
 * thread, so the launch makes it while JavaFX starts.
 */
final class ProductionConsole {

    private ProductionConsole() {
    }

    static AppWiring wiring(EmbeddedBackend embedded, BookSnapshots snapshots) {
        FxTaskExecutor executor = new FxTaskExecutor();
        PreferencesServerSettings settings = PreferencesServerSettings.forUser();
        Locale language = new ConsoleSettings(settings.console()).language().locale(Locale.getDefault());
        Messages messages = Messages.forLocale(language);
        BackendClient backend = BackendClient.withDefaults(messages.locale());
        About about = new About(version(), embedded.dataDirectory(), LogFiles.current());
        return new AppWiring(messages, settings, executor, backend, new EmbeddedDemoLauncher(embedded, backend),
                about, snapshots, List.of(embedded, executor));
    }

    private static String version() {
        String version = ProductionConsole.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
