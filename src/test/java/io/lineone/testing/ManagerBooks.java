package io.lineone.testing;

import io.lineone.api.Merchant;
import io.lineone.api.NewMerchant;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import java.util.List;

/**
 * What the console tests look at: li.na's book of five merchants, wang.wei's of two, and a third manager with
 * none, created on a {@link TestServer} through its API. Every account's password is {@link TestServer#PASSWORD}.
 */
public record ManagerBooks(List<Merchant> liNasMerchants, List<Merchant> wangWeisMerchants) {

    public static final String LI_NA = "li.na";
    public static final String WANG_WEI = "wang.wei";
    public static final String NOBODY = "zhao.kong";

    public static ManagerBooks seed(TestServer server) {
        String liNa = server.account(Role.MANAGER, LI_NA, "李娜").id();
        String wangWei = server.account(Role.MANAGER, WANG_WEI, "王伟").id();
        server.account(Role.MANAGER, NOBODY, "赵空");
        return new ManagerBooks(
                List.of(merchant(server, "杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, "食品生鲜", "浙江", liNa, 0.9),
                        merchant(server, "杭州丝绸贸易有限公司", "丝路专营店", Tier.SME, "服饰鞋包", "浙江", liNa, 0.6),
                        merchant(server, "Chengdu Hotpot Foods", "蜀香坊官方店", Tier.SME, "食品生鲜", "四川", liNa, 0.35),
                        merchant(server, "Guangzhou Tea House", "Canton Tea 旗舰店", Tier.KA, "食品生鲜", "广东", liNa, 0.1),
                        merchant(server, "义乌小商品有限公司", "杭州湾百货专卖店", Tier.SME, "家居日用", "浙江", liNa, 0.75)),
                List.of(merchant(server, "杭州滨江数码有限公司", "滨江数码专营店", Tier.KA, "数码家电", "浙江", wangWei, 0.8),
                        merchant(server, "深圳电子贸易有限公司", "深电旗舰店", Tier.SME, "数码家电", "广东", wangWei, 0.5)));
    }

    /** {@code share} places the metrics between worst and best, so the books span every band. */
    private static Merchant merchant(TestServer server, String name, String shop, Tier tier, String category,
                                     String region, String managerId, double share) {
        return server.merchant(new NewMerchant(name, shop, tier, category, region, managerId, Metrics.at(share)));
    }
}
