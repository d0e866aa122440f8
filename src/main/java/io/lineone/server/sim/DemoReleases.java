package io.lineone.server.sim;

import io.lineone.api.BellSeverity;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueSource;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.NewRelease;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.ReleaseStage;
import io.lineone.api.User;
import io.lineone.server.auth.UserStore;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.issues.IssueService;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.server.releases.BellService;
import io.lineone.server.releases.ReleaseService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo's releases: a few in rollout across product areas, owned by the demo product owner, and one already
 * stopped by a bell its manager pulled with three merchants' issues as evidence.
 */
public final class DemoReleases {

    private static final String OWNER_LOGIN = "zhao.lei";

    private DemoReleases() {
    }

    /** Seeds the releases into a demo database that has none; does nothing without the demo accounts. */
    public static void seed(ReleaseService releases, BellService bells, IssueService issues, MerchantStore merchants,
                            UserStore users, Clock clock) {
        Optional<User> owner = user(users, OWNER_LOGIN);
        Optional<User> manager = user(users, DemoWorkspace.MANAGER_LOGIN);
        Optional<User> feed = user(users, DemoWorkspace.FEED_LOGIN);
        if (owner.isEmpty() || manager.isEmpty() || feed.isEmpty()) {
            return;
        }
        String ownerId = owner.get().id();
        Release coupons = releases.createUnchecked(null,
                new NewRelease("优惠券", "满减券叠加规则改版", "3.2.0", ownerId), ReleaseStage.ROLLING_OUT, 30);
        releases.createUnchecked(null, new NewRelease("物流", "发货时效预估", "2.4.1", ownerId),
                ReleaseStage.ROLLING_OUT, 50);
        releases.createUnchecked(null, new NewRelease("价格规则", "价格保护规则", "1.8.0", ownerId),
                ReleaseStage.LIVE, 100);
        releases.createUnchecked(null, new NewRelease("商品发布", "商品发布页改版", "5.0.0", ownerId),
                ReleaseStage.PLANNED, 0);

        Caller feedCaller = new Caller(feed.get(), "demo-seed");
        Caller managerCaller = new Caller(manager.get(), "demo-seed");
        List<Merchant> book = merchants.list(MerchantStore.Query.firstOf(Visibility.bookOf(manager.get().id()), 3));
        List<String> evidence = new ArrayList<>();
        long[] losses = {1_860_000, 12_450_000, 420_000};
        for (int i = 0; i < book.size(); i++) {
            Issue issue = issues.createUnchecked(feedCaller, new NewIssue(book.get(i).id(),
                    IssueCategory.COUPON_OVERSPEND, IssueSource.MERCHANT, Priority.P1, "新版满减券与店铺券叠加后低于成本价",
                    "满减券叠加规则 3.2.0 上线后，店铺券与平台满减可同时使用，部分商品成交价低于成本。", null, coupons.id(),
                    losses[i]), clock.instant().minusSeconds(20 * 60 + i * 300L));
            evidence.add(issue.id());
        }
        if (!evidence.isEmpty()) {
            bells.pull(managerCaller, coupons.id(), null, new NewBell("满减券叠加规则 3.2.0 让店铺券与平台满减同时生效，"
                    + "多家商家的商品以低于成本价成交，需暂停放量并修复叠加逻辑。", BellSeverity.BLOCKER, evidence));
        }
    }


    private static Optional<User> user(UserStore users, String login) {
        return users.credentials(login).map(UserStore.Credentials::user);
    }
}
