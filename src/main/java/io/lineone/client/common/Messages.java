package io.lineone.client.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's strings in one language; every visible text goes through here or FXML {@code %key}. */
public final class Messages {

    public static final String BUNDLE = "io.lineone.client.messages";

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The bundle for a locale; any Simplified Chinese locale gets the zh_CN strings. */
    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, bundleLocale(locale), NoFallbackToDefault.INSTANCE));
    }

    static Locale bundleLocale(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        boolean traditional = "Hant".equals(locale.getScript())
                || "TW".equals(locale.getCountry()) || "HK".equals(locale.getCountry());
        return chinese && !traditional ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // The bundle test keeps this from happening; if it still does, show the key, not a crash.
            return key;
        }
    }

    /** A {@link MessageFormat} pattern filled with {@code args}, formatted for this language. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }

    /**
     * The default {@link ResourceBundle.Control} falls back to the JVM's locale before the base
     * bundle, so an English request on a Chinese machine would get Chinese; the base is English.
     */
    private static final class NoFallbackToDefault extends ResourceBundle.Control {
        static final NoFallbackToDefault INSTANCE = new NoFallbackToDefault();

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    }
}
