package io.lineone.server.sim;

import io.lineone.api.MerchantMetrics;
import io.lineone.api.NewMerchant;
import io.lineone.api.NewUser;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.server.merchants.MerchantService;
import io.lineone.server.users.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo workspace: a team of four managers, their supervisor, a product owner, the marketplace feed and
 * a few hundred merchants with plausible names, shops and service metrics. The same every time (fixed seed).
 */
public final class DemoWorkspace {

    /** The password of every demo account. */
    public static final String PASSWORD = "lineone-demo";
    /** The manager the console signs in on the embedded demo workspace. */
    public static final String MANAGER_LOGIN = "li.na";
    /** The supervisor of the demo team. */
    public static final String SUPERVISOR_LOGIN = "chen.jing";
    /** The product owner whose releases the demo's bells stop. */
    public static final String PRODUCT_OWNER_LOGIN = "zhao.lei";
    /** The administrator of the demo workspace. */
    public static final String ADMIN_LOGIN = "admin";
    /** The SERVICE account of the marketplace feed. */
    public static final String FEED_LOGIN = "feed";
    public static final int MERCHANTS_PER_MANAGER = 85;
    private static final int DEMO_HASH_ITERATIONS = 10_000;
    public static final int UNASSIGNED_MERCHANTS = 20;

    private static final String[][] MANAGERS = {
        {"li.na", "李娜"}, {"wang.wei", "王伟"}, {"zhang.min", "张敏"}, {"liu.yang", "刘洋"},
    };
    private static final String[][] CITIES = {
        {"杭州", "浙江"}, {"义乌", "浙江"}, {"宁波", "浙江"}, {"温州", "浙江"}, {"广州", "广东"}, {"深圳", "广东"},
        {"东莞", "广东"}, {"佛山", "广东"}, {"苏州", "江苏"}, {"南京", "江苏"}, {"厦门", "福建"}, {"泉州", "福建"},
        {"上海", "上海"}, {"青岛", "山东"}, {"成都", "四川"}, {"武汉", "湖北"}, {"郑州", "河南"}, {"北京", "北京"},
        {"长沙", "湖南"}, {"合肥", "安徽"},
    };
    private static final String[] BRANDS = {
        "悦享", "优品", "鲜果", "禾木", "云朵", "星辰", "初心", "暖阳", "青禾", "匠心", "橙意", "小鹿", "森屿", "锦绣",
        "拾光", "蓝湾", "山野", "稻香", "美好", "乐活", "如意", "知味", "自在", "花间", "墨竹", "清泉", "金穗", "百草",
        "晨曦", "源野",
    };
    private static final String[][] CATEGORIES = {
        {"服饰鞋包", "服饰", "鞋业", "箱包"},
        {"美妆个护", "化妆品", "个护"},
        {"食品生鲜", "食品", "生鲜", "农产品", "茶业"},
        {"家居日用", "家居", "日用品", "家纺"},
        {"数码家电", "电子", "电器", "数码"},
        {"母婴用品", "母婴用品", "童装"},
        {"运动户外", "运动用品", "户外用品"},
        {"图书文娱", "文化", "文具"},
    };
    private static final String[] SHOP_SUFFIXES = {"旗舰店", "专营店", "官方店", "专卖店"};
    private static final String[] SECOND = {"坊", "屋", "记", "堂", "阁", "社", "家", "居", "源", "号"};
    private static final String[] COMPANIES = {"有限公司", "贸易有限公司", "商贸有限公司", "电子商务有限公司", "实业有限公司",
        "科技有限公司"};
    private static final String[][] MORE_CITIES = {
        {"无锡", "江苏"}, {"常州", "江苏"}, {"嘉兴", "浙江"}, {"金华", "浙江"}, {"台州", "浙江"}, {"中山", "广东"},
        {"汕头", "广东"}, {"福州", "福建"}, {"济南", "山东"}, {"临沂", "山东"}, {"重庆", "重庆"}, {"西安", "陕西"},
        {"昆明", "云南"}, {"南宁", "广西"}, {"沈阳", "辽宁"}, {"大连", "辽宁"}, {"哈尔滨", "黑龙江"}, {"石家庄", "河北"},
        {"天津", "天津"}, {"南昌", "江西"}, {"贵阳", "贵州"}, {"兰州", "甘肃"}, {"海口", "海南"}, {"乌鲁木齐", "新疆"},
    };

    private DemoWorkspace() {
    }

    /** The logins of the demo managers, the signed-in demo manager first. */
    public static List<String> managerLogins() {
        return Arrays.stream(MANAGERS).map(m -> m[0]).toList();
    }

    /** The demo's book when no size is asked for: 85 merchants for each manager and 20 nobody's yet. */
    public static final int DEFAULT_MERCHANTS = 4 * MERCHANTS_PER_MANAGER + UNASSIGNED_MERCHANTS;
    /** How far back a merchant's metrics go: a point every 12 days over about three months. */
    static final int HISTORY_POINTS = 8;
    static final Duration HISTORY_STEP = Duration.ofDays(12);

    /** Seeds an empty database. {@code adminPassword} null gives the admin the demo password too. */
    public static void seed(UserService users, MerchantService merchants, String adminPassword) {
        seed(users, merchants, adminPassword, DEFAULT_MERCHANTS, Clock.systemUTC());
    }

    /**
     * Seeds an empty database with {@code merchantCount} merchants (the default keeps each manager's 85), each
     * with a score history; one in fifty has only just joined and has no metrics yet.
     */
    public static void seed(UserService users, MerchantService merchants, String adminPassword, int merchantCount,
                            Clock clock) {
        // One hash for all demo accounts, and a light one: the demo password is published in the README, so a
        // slow hash would protect nothing and only delay the console's sign-in at every start.
        String demoHash = users.hashPassword(PASSWORD, DEMO_HASH_ITERATIONS);
        if (adminPassword == null || adminPassword.isBlank()) {
            users.createWithHash(null, new NewUser(ADMIN_LOGIN, "管理员", Role.ADMIN, PASSWORD), demoHash);
        } else {
            users.createUnchecked(null, new NewUser(ADMIN_LOGIN, "管理员", Role.ADMIN, adminPassword));
        }
        List<User> managers = new ArrayList<>();
        for (String[] manager : MANAGERS) {
            managers.add(users.createWithHash(null, new NewUser(manager[0], manager[1], Role.MANAGER, PASSWORD), demoHash));
        }
        users.createWithHash(null, new NewUser(SUPERVISOR_LOGIN, "陈静", Role.SUPERVISOR, PASSWORD), demoHash);
        users.createWithHash(null, new NewUser(PRODUCT_OWNER_LOGIN, "赵磊", Role.PRODUCT_OWNER, PASSWORD), demoHash);
        users.createWithHash(null, new NewUser(FEED_LOGIN, "商家平台数据源", Role.SERVICE, PASSWORD), demoHash);

        Random random = new Random(618);
        Set<String> names = new HashSet<>();
        int total = merchantCount;
        // The default book as it always was; a bigger one keeps the same share of merchants nobody looks after.
        int unassigned = (int) Math.round((double) total * UNASSIGNED_MERCHANTS / DEFAULT_MERCHANTS);
        int assigned = total - unassigned;
        Instant now = clock.instant();
        List<MerchantService.Seeded> book = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String managerId = i < assigned ? managers.get(i % managers.size()).id() : null;
            NewMerchant merchant = merchant(random, names, managerId, i >= DEFAULT_MERCHANTS);
            // One in fifty has just joined the program: no service history, no score yet (one in each default book).
            boolean joining = total == DEFAULT_MERCHANTS ? i >= assigned - managers.size() && i < assigned
                    : i % 50 == 49;
            if (joining) {
                book.add(new MerchantService.Seeded(new NewMerchant(merchant.name(), merchant.shopName(),
                        merchant.tier(), merchant.category(), merchant.region(), managerId, null), List.of()));
            } else {
                book.add(new MerchantService.Seeded(merchant, history(random, merchant.metrics(), now)));
            }
        }
        merchants.seedUnchecked(book);
    }

    /** Metrics drifting towards today's over the last three months, oldest first, today's last. */
    private static List<MerchantService.MetricsAt> history(Random random, MerchantMetrics today, Instant now) {
        List<MerchantService.MetricsAt> points = new ArrayList<>(HISTORY_POINTS);
        double drift = random.nextGaussian() * 0.12;
        for (int k = HISTORY_POINTS - 1; k > 0; k--) {
            double share = drift * k / (HISTORY_POINTS - 1) + random.nextGaussian() * 0.02;
            points.add(new MerchantService.MetricsAt(now.minus(HISTORY_STEP.multipliedBy(k)), new MerchantMetrics(
                    round1(Math.max(1, today.shippingHours() * (1 + share))),
                    round1(Math.max(1, today.preSaleResponseSeconds() * (1 + share))),
                    round1(Math.max(1, today.afterSaleResponseSeconds() * (1 + share))),
                    Math.max(1, Math.min(5, Math.round((today.dsr() - share * 0.4) * 100) / 100.0)),
                    Math.max(0, Math.min(1, Math.round(today.disputeRate() * (1 + share) * 10_000) / 10_000.0)))));
        }
        points.add(new MerchantService.MetricsAt(now, today));
        return points;
    }

    private static NewMerchant merchant(Random random, Set<String> names, String managerId, boolean large) {
        Tier tier = random.nextInt(5) == 0 ? Tier.KA : Tier.SME;
        String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String trade;
        String brand;
        String[] city;
        String name;
        do {
            city = CITIES[random.nextInt(CITIES.length)];
            brand = BRANDS[random.nextInt(BRANDS.length)];
            trade = category[1 + random.nextInt(category.length - 1)];
            if (large) {
                // Beyond the default book the names need more room: a two-part brand and more kinds of company.
                brand = brand.charAt(0) + BRANDS[random.nextInt(BRANDS.length)].substring(1)
                        + (random.nextInt(3) == 0 ? SECOND[random.nextInt(SECOND.length)] : "");
                city = random.nextInt(3) == 0 ? MORE_CITIES[random.nextInt(MORE_CITIES.length)] : city;
                name = city[0] + brand + trade + COMPANIES[random.nextInt(COMPANIES.length)];
            } else {
                name = city[0] + brand + trade + (random.nextBoolean() ? "有限公司" : "贸易有限公司");
            }
        } while (!names.add(name));
        String suffix = tier == Tier.KA ? "旗舰店" : SHOP_SUFFIXES[random.nextInt(SHOP_SUFFIXES.length)];
        // Key accounts run tighter operations on average; everybody has a tail.
        double skill = tier == Tier.KA ? 0.75 + random.nextDouble() * 0.25 : random.nextDouble();
        double noise = random.nextGaussian() * 0.08;
        double quality = Math.max(0, Math.min(1, skill + noise));
        MerchantMetrics metrics = new MerchantMetrics(
                round1(10 + (1 - quality) * 50 + random.nextDouble() * 6),
                round1(6 + (1 - quality) * 80 + random.nextDouble() * 10),
                round1(12 + (1 - quality) * 220 + random.nextDouble() * 20),
                Math.round((4.1 + quality * 0.85) * 100) / 100.0,
                Math.round((0.0005 + (1 - quality) * 0.018) * 10_000) / 10_000.0);
        return new NewMerchant(name, brand + trade + suffix, tier, category[0], city[1], managerId, metrics);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
