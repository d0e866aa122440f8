package io.lineone.server.core;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The words of a refusal, in English or — for a caller whose {@code Accept-Language} asks for Chinese — in 简体中文,
 * so a console can show the server's reason as it is. A key names the situation; an enum argument is shown by
 * its name in the bundle where it has one (a bell's status reads 已解决, not RESOLVED), a collection as a list of
 * such names.
 */
public final class ProblemTexts {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final String BUNDLE = "io.lineone.server.problems";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemTexts() {
    }

    /** Chinese when the first language range naming a language we have is Chinese; English otherwise. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange();
                if (tag.startsWith("zh")) {
                    return CHINESE;
                }
                if (tag.startsWith("en") || tag.equals("*")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A header we cannot read is no reason to refuse a request: answer in English.
        }
        return Locale.ENGLISH;
    }

    public static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        String separator = locale.getLanguage().equals(CHINESE.getLanguage()) ? "、" : ", ";
        Object[] shown = Arrays.stream(args).map(arg -> arg instanceof Collection<?> many
                ? many.stream().map(one -> String.valueOf(shown(bundle, one))).collect(Collectors.joining(separator))
                : shown(bundle, arg)).toArray();
        return new MessageFormat(bundle.getString(key), locale).format(shown);
    }

    private static Object shown(ResourceBundle bundle, Object arg) {
        if (arg instanceof Enum<?> value) {
            try {
                return bundle.getString(value.getDeclaringClass().getSimpleName() + "." + value.name());
            } catch (MissingResourceException unnamed) {
                return value.name();
            }
        }
        return arg;
    }
}
