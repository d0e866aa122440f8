package io.lineone.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void chineseNamesAreFoundByTheirPinyinWholeAndByInitials() {
        String key = SearchText.key("杭州西湖茶叶有限公司");
        assertThat(key).contains("杭州", "hangzhou", "hzxhcy");
        for (String typed : new String[] {"hz", "HZ", "hangzhou", "ｈｚ", "xihu", "杭州"}) {
            assertThat(matchesAll(key, typed)).as(typed).isTrue();
        }
        assertThat(matchesAll(key, "sh")).as("上海 is not 杭州").isFalse();
    }

    @Test
    void latinTextIsOnlyFolded() {
        assertThat(SearchText.key("  Ｋｉｄｓ Shop ")).isEqualTo("kids shop");
        assertThat(SearchText.key(null)).isEmpty();
    }

    @Test
    void aMixedNameKeepsItsLatinPartsInThePinyinForms() {
        String key = SearchText.key("KA 深圳电子");
        assertThat(matchesAll(key, "kasz")).isTrue();
        assertThat(matchesAll(key, "shenzhen")).isTrue();
    }

    @Test
    void aWordIsFoundInTheFormsExactlyWhenTheWholeKeyHoldsItAndWithoutChineseInTheSpelledFormAlone() {
        for (String text : new String[] {"杭州西湖茶叶有限公司", "KA 深圳电子", "蜀香坊 杭州分店", "ＡＢＣ·店 x2", "Hangzhou Silk Co.",
                "𠀋字店", "新店"}) {
            String key = SearchText.key(text);
            SearchText.Forms forms = SearchText.forms(text);
            for (int from = 0; from < key.length(); from++) {
                for (int to = from + 1; to <= key.length(); to++) {
                    String word = key.substring(from, to);
                    if (word.isBlank() || word.chars().anyMatch(Character::isWhitespace)) {
                        continue;
                    }
                    boolean found = forms.spelled().contains(word)
                            || SearchText.hasHan(word) && forms.typed() != null && forms.typed().contains(word);
                    assertThat(found).as("%s in %s", word, text).isTrue();
                }
            }
            assertThat(forms.typed() == null ? forms.spelled() : forms.typed() + "\n" + forms.spelled())
                    .isEqualTo(key);
        }
        assertThat(SearchText.hasHan("hz")).isFalse();
        assertThat(SearchText.hasHan("hz杭")).isTrue();
        assertThat(SearchText.hasHan("·")).isFalse();
    }

    private static boolean matchesAll(String key, String query) {
        for (String term : SearchText.terms(query)) {
            if (!key.contains(term)) {
                return false;
            }
        }
        return true;
    }
}
