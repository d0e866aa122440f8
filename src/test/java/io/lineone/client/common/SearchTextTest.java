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

    private static boolean matchesAll(String key, String query) {
        for (String term : SearchText.terms(query)) {
            if (!key.contains(term)) {
                return false;
            }
        }
        return true;
    }
}
