package io.lineone.server.sim;

import io.lineone.api.Merchant;
import io.lineone.api.NewListing;
import io.lineone.api.WeightUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Plausible listings of the demo merchants: a few each, in their category, at good prices with weights. */
final class DemoListings {

    /** Listings per demo merchant. */
    static final int PER_MERCHANT = 3;

    private record Product(String name, long priceCents, int grams) {
    }

    private static final Map<String, List<Product>> BY_CATEGORY = Map.of(
            "服饰鞋包", List.of(new Product("羽绒服", 59_900, 900), new Product("运动鞋", 39_900, 800),
                    new Product("双肩包", 19_900, 700), new Product("真丝围巾", 29_900, 100)),
            "美妆个护", List.of(new Product("面霜 50ml", 25_900, 120), new Product("洗发水 750ml", 6_990, 800),
                    new Product("电动牙刷", 19_900, 300), new Product("防晒霜", 12_800, 80)),
            "食品生鲜", List.of(new Product("东北大米 5kg", 8_990, 5_000), new Product("猕猴桃礼盒", 12_800, 2_500),
                    new Product("明前龙井 250g", 39_800, 250), new Product("坚果礼包", 15_900, 1_200)),
            "家居日用", List.of(new Product("床上四件套", 29_900, 2_000), new Product("保温杯", 9_900, 400),
                    new Product("空气炸锅", 39_900, 4_000), new Product("毛巾三条装", 4_990, 450)),
            "数码家电", List.of(new Product("蓝牙耳机", 29_900, 60), new Product("车载充电器", 5_990, 80),
                    new Product("数据线两条装", 2_990, 50), new Product("移动电源", 12_900, 300)),
            "母婴用品", List.of(new Product("婴儿纸尿裤", 16_900, 2_200), new Product("儿童绘本套装", 9_900, 1_500),
                    new Product("奶瓶", 8_900, 200), new Product("婴儿湿巾", 3_990, 1_000)),
            "运动户外", List.of(new Product("瑜伽垫", 8_900, 1_200), new Product("登山鞋", 49_900, 1_100),
                    new Product("运动水壶", 5_900, 300), new Product("帐篷", 59_900, 3_000)),
            "图书文娱", List.of(new Product("钢笔礼盒", 19_900, 300), new Product("笔记本三本装", 2_990, 600),
                    new Product("拼图 1000 片", 6_900, 900), new Product("绘画套装", 9_900, 1_400)));

    private DemoListings() {
    }

    /** {@link #PER_MERCHANT} listings for each merchant, by merchant id. */
    static Map<String, List<NewListing>> forMerchants(List<Merchant> merchants, Random random) {
        Map<String, List<NewListing>> listings = new LinkedHashMap<>();
        for (Merchant merchant : merchants) {
            List<Product> products = BY_CATEGORY.getOrDefault(merchant.category(), BY_CATEGORY.get("家居日用"));
            List<NewListing> own = new ArrayList<>();
            int first = random.nextInt(products.size());
            for (int i = 0; i < PER_MERCHANT; i++) {
                Product p = products.get((first + i) % products.size());
                // Prices a little apart from shop to shop; weights in grams or kilograms as sellers type them.
                long price = Math.round(p.priceCents() * (0.85 + random.nextDouble() * 0.3) / 10) * 10;
                boolean kilograms = p.grams() >= 1000 && random.nextBoolean();
                BigDecimal weight = kilograms ? BigDecimal.valueOf(p.grams()).movePointLeft(3).stripTrailingZeros()
                        : BigDecimal.valueOf(p.grams());
                own.add(new NewListing(merchant.shopName().substring(0, Math.min(8, merchant.shopName().length()))
                        + " " + p.name(), merchant.category(), price, price, price * 6 / 10, weight,
                        kilograms ? WeightUnit.KG : WeightUnit.G, (double) (5 + random.nextInt(56))));
            }
            listings.put(merchant.id(), own);
        }
        return listings;
    }
}
