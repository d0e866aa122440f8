package io.lineone.client.common;

import java.text.Normalizer;
import java.util.Locale;
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
        String folded = fold(text);
        if (folded.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return folded;
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
        return folded + '\n' + whole + '\n' + initials;
    }

    private static String reading(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return null;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, PLAIN);
            return readings == null || readings.length == 0 ? null : readings[0];
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
