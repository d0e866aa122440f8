package io.lineone.client.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The one way search text is folded, for both the rows (once, when they arrive) and the query
 * (once per keystroke), so that matching itself is a plain {@code contains}.
 */
public final class SearchText {

    private static final HanyuPinyinOutputFormat PLAIN = new HanyuPinyinOutputFormat();
    // A character's first reading, once looked up ("" for none); a few thousand characters at most.
    private static final Map<Character, String> READINGS = new ConcurrentHashMap<>();

    static {
        PLAIN.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        PLAIN.setVCharType(HanyuPinyinVCharType.WITH_V);
        PLAIN.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    private SearchText() {
    }

    /**
     * A row's searchable form of {@code text}: folded, and for Chinese text also its pinyin, whole and as initials,
     * so "hangzhou" and "hz" find 杭州 as an input method user would type them. A character read several ways
     * counts with its first reading.
     */
    public static String key(String text) {
        Forms forms = forms(text);
        return forms.typed() == null ? forms.spelled() : forms.typed() + '\n' + forms.spelled();
    }

    /**
     * The two halves of {@link #key}, for a search that looks only where a word can be: {@code spelled} holds the
     * text as letters — the pinyin, whole and as initials, each a line, for Chinese text; the folded text itself
     * for other text — and {@code typed} the folded Chinese text (null for text without any). A word without Han
     * characters that {@code typed} holds is in {@code spelled} too (the pinyin keeps every other character, only
     * without spaces, and a word has none), so such a word need only be looked for there: in fewer characters, and
     * for pinyin in Latin-1 ones.
     */
    public record Forms(String typed, String spelled) {
    }

    /** {@link Forms} of {@code text}. */
    public static Forms forms(String text) {
        String folded = fold(text);
        if (!hasHan(folded)) {
            return new Forms(null, folded);
        }
        StringBuilder whole = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            String reading = reading(c);
            if (reading == null) {
                if (!Character.isWhitespace(c)) {
                    whole.append(c);
                    initials.append(c);
                }
            } else {
                whole.append(reading);
                initials.append(reading.charAt(0));
            }
        }
        // Separate lines, so a term cannot match across the end of one form and the start of the next.
        return new Forms(folded, whole + "\n" + initials);
    }

    /** Whether {@code text} holds a Han character: a search word that does is looked for in the typed text. */
    public static boolean hasHan(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Every Han character (and surrogate) is at or above U+2E80: most text is ruled out by this compare.
            if (c >= '\u2E80' && Character.UnicodeScript.of(text.codePointAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    private static String reading(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return null;
        }
        // pinyin4j formats each reading with regular expressions compiled anew: 50,000 rows' names took seconds.
        String known = READINGS.get(c);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, PLAIN);
            String reading = readings == null || readings.length == 0 ? null : readings[0];
            READINGS.put(c, reading == null ? "" : reading);
            return reading;
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("the pinyin format is fixed above", e);
        }
    }

    /** NFKC turns full-width letters and digits typed by Chinese input methods into ASCII ones. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** A query's words; a row matches when it contains every one. */
    public static String[] terms(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? new String[0] : folded.split("\\s+");
    }
}
