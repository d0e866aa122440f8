package io.lineone.client.common;

import java.nio.file.Path;
import java.util.Locale;

/** What the settings screen asks of the console as a whole. Each runs on the FX thread. */
public interface ConsoleControls {

    /** Speaks {@code language} from now on: the window is built again in it, on the same screen, still signed in. */
    void switchLanguage(Locale language);

    /** Paints the whole console in {@code theme}. */
    void switchTheme(Theme theme);

    /** Makes the console's text that size everywhere. */
    void switchTextSize(ConsoleSettings.TextSize size);

    /** Shows or stops desktop notifications (toasts and tray); the notification centre keeps every notice anyway. */
    void switchNotifications(boolean on);

    /** Signs out and offers sign-in to {@code serverUrl}. */
    void signInTo(String serverUrl);

    /** Every session of the user was ended on the server: leaves this one for the sign-in screen. */
    void signedOutEverywhere();

    /** Throws the demo workspace's data away, seeds it afresh and opens it again, as the same account. */
    void resetDemo();

    /** Opens a file or folder in the desktop's own program for it (the log file, the data directory). */
    void open(Path file);
}
