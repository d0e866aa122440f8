package io.lineone.client.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The console's own choices on this computer, whoever signs in: language, theme, text size, notifications and where
 * the window was. Kept in a {@link UserSettings} store; a value that cannot be read is as if never set.
 */
public final class ConsoleSettings {

    static final String LANGUAGE = "language";
    static final String THEME = "theme";
    static final String TEXT_SIZE = "textSize";
    static final String NOTIFICATIONS = "notifications";
    static final String WINDOW = "window";

    /** The languages the console speaks; {@link #SYSTEM} follows the computer's. */
    public enum Language {
        SYSTEM(null), CHINESE(Locale.SIMPLIFIED_CHINESE), ENGLISH(Locale.ENGLISH);

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }

        /** The locale to speak, given the computer's. */
        public Locale locale(Locale system) {
            return locale != null ? locale : system;
        }
    }

    /** How large the console's text is, relative to the theme's. */
    public enum TextSize {
        NORMAL, LARGE, LARGER;

        /** The style class the window's root carries for it, none for the normal size. */
        public Optional<String> styleClass() {
            return this == NORMAL ? Optional.empty() : Optional.of("text-" + name().toLowerCase(Locale.ROOT));
        }
    }

    /** Where the window was, and whether it filled the screen. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

        String text() {
            return x + "," + y + "," + width + "," + height + "," + maximized;
        }

        static Optional<WindowBounds> parse(String text) {
            String[] parts = text.split(",");
            if (parts.length != 5) {
                return Optional.empty();
            }
            try {
                WindowBounds bounds = new WindowBounds(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4]));
                return bounds.width() > 0 && bounds.height() > 0 ? Optional.of(bounds) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final UserSettings store;

    public ConsoleSettings(UserSettings store) {
        this.store = store;
    }

    public Language language() {
        return read(LANGUAGE, Language.class, Language.SYSTEM);
    }

    public void saveLanguage(Language language) {
        store.put(LANGUAGE, language.name());
    }

    public Theme theme() {
        return read(THEME, Theme.class, Theme.LIGHT);
    }

    public void saveTheme(Theme theme) {
        store.put(THEME, theme.name());
    }

    public TextSize textSize() {
        return read(TEXT_SIZE, TextSize.class, TextSize.NORMAL);
    }

    public void saveTextSize(TextSize size) {
        store.put(TEXT_SIZE, size.name());
    }

    /** Desktop notifications (toasts and the tray) for new P1s, bells and messages; the centre keeps them anyway. */
    public boolean notifications() {
        return store.get(NOTIFICATIONS).map(Boolean::parseBoolean).orElse(true);
    }

    public void saveNotifications(boolean on) {
        store.put(NOTIFICATIONS, Boolean.toString(on));
    }

    public Optional<WindowBounds> window() {
        return store.get(WINDOW).flatMap(WindowBounds::parse);
    }

    public void saveWindow(WindowBounds bounds) {
        store.put(WINDOW, bounds.text());
    }

    private <E extends Enum<E>> E read(String key, Class<E> type, E fallback) {
        return store.get(key).flatMap(name -> {
            try {
                return Optional.of(Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(fallback);
    }
}
