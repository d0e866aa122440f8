package io.lineone.server.sim;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueSource;
import io.lineone.api.Merchant;
import io.lineone.api.NewIssue;
import io.lineone.api.Priority;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Plausible issues of the demo workspace, in the mix the field reports: pricing mistakes, stacked
 * coupons and after-sales questions are common, P1 is rare, and the money-losers carry money at risk.
 */
final class DemoIssues {

    private record Kind(IssueCategory category, int weight, IssueSource source, String[] titles, String[] details,
                        String[] rootCauses) {
    }

    private static final String[] PRODUCTS = {
        "保温杯", "羽绒服", "猕猴桃礼盒", "蓝牙耳机", "洗发水", "婴儿纸尿裤", "登山鞋", "东北大米", "明前龙井", "数据线",
        "空气炸锅", "面霜", "运动水壶", "儿童绘本", "真丝围巾", "坚果礼包", "床上四件套", "电动牙刷", "瑜伽垫", "车载充电器",
    };

    private static final List<Kind> KINDS = List.of(
            new Kind(IssueCategory.PRICING_ERROR, 20, IssueSource.DETECTOR,
                    new String[] {"%s 标价疑似小数点错位", "%s 价格低于成本价", "%s 改价后价格异常", "%s 促销价未按时恢复"},
                    new String[] {"检测到 %s 当前售价 ¥%s，30 天中位价 ¥%s，已有买家集中下单。",
                        "%s 批量改价后售价为参考价的 1/10，近一小时销量激增。"},
                    new String[] {"小数点错位", "批量改价模板错误", "促销价未回滚"}),
            new Kind(IssueCategory.COUPON_OVERSPEND, 15, IssueSource.DETECTOR,
                    new String[] {"%s 优惠券叠加后实付过低", "%s 店铺券预算即将超支", "%s 满减券与品类券重复叠加"},
                    new String[] {"%s 叠加三张优惠券后实付 ¥%s，低于成本，预计预算将在两小时内耗尽。",
                        "%s 的优惠券已消耗预算的 92%%，当前核销速度远高于预期。"},
                    new String[] {"优惠券叠加规则配置错误", "预算上限未设置"}),
            new Kind(IssueCategory.AFTER_SALES, 22, IssueSource.MERCHANT,
                    new String[] {"%s 退款申请集中增加", "买家投诉 %s 描述不符", "%s 售后工单响应超时", "%s 退货运费争议"},
                    new String[] {"商家反馈 %s 今日退款申请明显增多，希望协助排查原因。",
                        "多名买家反映收到的 %s 与详情页描述不一致，商家请求协助处理。"},
                    new String[] {"商品质量问题", "描述不符", "发货延迟"}),
            new Kind(IssueCategory.LOGISTICS, 12, IssueSource.MERCHANT,
                    new String[] {"%s 物流轨迹长时间未更新", "%s 快递揽收延迟", "%s 偏远地区配送异常"},
                    new String[] {"商家反馈 %s 的多个订单揽收后 48 小时无物流更新。"},
                    new String[] {"快递揽收延迟", "地址解析错误"}),
            new Kind(IssueCategory.INVENTORY, 8, IssueSource.MERCHANT,
                    new String[] {"%s 库存显示与实际不符", "%s 出现超卖"},
                    new String[] {"%s 前台显示有货，仓库实际已无库存，已产生超卖订单。"},
                    new String[] {"库存同步延迟", "超卖"}),
            new Kind(IssueCategory.WEIGHT_UNIT, 6, IssueSource.DETECTOR,
                    new String[] {"%s 重量单位疑似填错（克/千克）", "%s 规格重量异常"},
                    new String[] {"%s 标注重量 500 千克，按同类目中位数应为 500 克，单价换算异常。"},
                    new String[] {"克/千克单位混用", "斤与千克换算错误"}),
            new Kind(IssueCategory.CASH_FLOW, 5, IssueSource.DETECTOR,
                    new String[] {"店铺余额低于待扣款金额", "保证金不足预警"},
                    new String[] {"店铺可用余额低于明日自动扣款金额，可能触发违约。"},
                    new String[] {"保证金不足", "自动扣款失败"}),
            new Kind(IssueCategory.IP_PROTECTION, 4, IssueSource.APPEAL,
                    new String[] {"%s 被投诉侵权，商家申诉", "%s 品牌授权校验失败"},
                    new String[] {"商家对 %s 的侵权投诉提出申诉，已提交授权书。"},
                    new String[] {"疑似侵权投诉", "品牌授权过期"}),
            new Kind(IssueCategory.RULES, 5, IssueSource.ASSISTANT_ESCALATION,
                    new String[] {"咨询新版发货时效规则", "咨询大促报名规则", "对违规扣分有疑问"},
                    new String[] {"智能助手未能解答，商家请求人工说明规则细节。"},
                    new String[] {"规则理解偏差", "新规未通知"}),
            new Kind(IssueCategory.OTHER, 3, IssueSource.MERCHANT,
                    new String[] {"商家请求回电", "店铺装修功能异常"},
                    new String[] {"商家留言希望客户经理尽快联系。"},
                    new String[] {"其他"}));

    private static final int TOTAL_WEIGHT = KINDS.stream().mapToInt(Kind::weight).sum();

    private DemoIssues() {
    }

    static NewIssue next(Random random, Merchant merchant) {
        Kind kind = pick(random);
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        boolean losesMoney = kind.category() == IssueCategory.PRICING_ERROR
                || kind.category() == IssueCategory.COUPON_OVERSPEND || kind.category() == IssueCategory.WEIGHT_UNIT;
        long referenceCents = (20 + random.nextInt(980)) * 100L - 10;
        String title = String.format(Locale.ROOT, kind.titles()[random.nextInt(kind.titles().length)], product);
        String detail = String.format(Locale.ROOT, kind.details()[random.nextInt(kind.details().length)], product,
                yuan(referenceCents / 10), yuan(referenceCents));
        long money = 0;
        if (losesMoney) {
            // Mostly thousands of yuan, now and then a shop-draining six figures.
            double yuan = random.nextInt(10) == 0 ? 50_000 + random.nextInt(150_000) : 500 + random.nextInt(20_000);
            money = Math.round(yuan) * 100;
        } else if (kind.category() == IssueCategory.CASH_FLOW) {
            money = (1_000 + random.nextInt(30_000)) * 100L;
        }
        return new NewIssue(merchant.id(), kind.category(), kind.source(), priority(random, losesMoney), title,
                detail, null, null, money);
    }

    /** A plausible root-cause tag for resolving an issue of this category. */
    static String rootCause(Random random, IssueCategory category) {
        for (Kind kind : KINDS) {
            if (kind.category() == category) {
                return kind.rootCauses()[random.nextInt(kind.rootCauses().length)];
            }
        }
        return "其他";
    }

    private static Kind pick(Random random) {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (Kind kind : KINDS) {
            roll -= kind.weight();
            if (roll < 0) {
                return kind;
            }
        }
        return KINDS.get(KINDS.size() - 1);
    }

    private static Priority priority(Random random, boolean losesMoney) {
        int roll = random.nextInt(100);
        if (losesMoney) {
            return roll < 10 ? Priority.P1 : roll < 50 ? Priority.P2 : roll < 85 ? Priority.P3 : Priority.P4;
        }
        return roll < 2 ? Priority.P1 : roll < 17 ? Priority.P2 : roll < 62 ? Priority.P3 : Priority.P4;
    }

    private static String yuan(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }
}
