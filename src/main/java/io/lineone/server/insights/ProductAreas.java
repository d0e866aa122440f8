package io.lineone.server.insights;

import io.lineone.api.IssueCategory;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The issue categories a release's product area shows up in: a coupon release in overspent coupons, a pricing rule
 * in pricing errors. Matched on words of the area's name, Chinese or English; an area nothing matches has no
 * categories of its own (only issues naming the release count for it).
 */
final class ProductAreas {

    private static final Map<String, Set<IssueCategory>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("优惠", EnumSet.of(IssueCategory.COUPON_OVERSPEND));
        WORDS.put("券", EnumSet.of(IssueCategory.COUPON_OVERSPEND));
        WORDS.put("coupon", EnumSet.of(IssueCategory.COUPON_OVERSPEND));
        WORDS.put("价格", EnumSet.of(IssueCategory.PRICING_ERROR));
        WORDS.put("定价", EnumSet.of(IssueCategory.PRICING_ERROR));
        WORDS.put("pric", EnumSet.of(IssueCategory.PRICING_ERROR));
        WORDS.put("物流", EnumSet.of(IssueCategory.LOGISTICS));
        WORDS.put("发货", EnumSet.of(IssueCategory.LOGISTICS));
        WORDS.put("logistic", EnumSet.of(IssueCategory.LOGISTICS));
        WORDS.put("shipping", EnumSet.of(IssueCategory.LOGISTICS));
        WORDS.put("商品发布", EnumSet.of(IssueCategory.PRICING_ERROR, IssueCategory.WEIGHT_UNIT));
        WORDS.put("listing", EnumSet.of(IssueCategory.PRICING_ERROR, IssueCategory.WEIGHT_UNIT));
        WORDS.put("库存", EnumSet.of(IssueCategory.INVENTORY));
        WORDS.put("inventory", EnumSet.of(IssueCategory.INVENTORY));
        WORDS.put("资金", EnumSet.of(IssueCategory.CASH_FLOW));
        WORDS.put("结算", EnumSet.of(IssueCategory.CASH_FLOW));
        WORDS.put("settle", EnumSet.of(IssueCategory.CASH_FLOW));
        WORDS.put("售后", EnumSet.of(IssueCategory.AFTER_SALES));
        WORDS.put("after-sale", EnumSet.of(IssueCategory.AFTER_SALES));
        WORDS.put("知识产权", EnumSet.of(IssueCategory.IP_PROTECTION));
        WORDS.put("规则", EnumSet.of(IssueCategory.RULES));
        WORDS.put("rule", EnumSet.of(IssueCategory.RULES));
    }

    private ProductAreas() {
    }

    static Set<IssueCategory> categories(String productArea) {
        Set<IssueCategory> found = EnumSet.noneOf(IssueCategory.class);
        String area = productArea == null ? "" : productArea.toLowerCase(Locale.ROOT);
        WORDS.forEach((word, categories) -> {
            if (area.contains(word)) {
                found.addAll(categories);
            }
        });
        return found;
    }
}
