package io.lineone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.CashUpdate;
import io.lineone.api.Coupon;
import io.lineone.api.CouponPatch;
import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixPreview;
import io.lineone.api.FixRequest;
import io.lineone.api.Listing;
import io.lineone.api.ListingPatch;
import io.lineone.api.NewCoupon;
import io.lineone.api.NewFix;
import io.lineone.api.NewListing;
import io.lineone.api.WeightUnit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The marketplace feed and the one-click fixes over HTTP, for tests: listings, coupons and cash posted as the
 * admin (the feed's role here), fixes previewed and applied as a given caller.
 */
public final class Feed {

    private final TestServer server;
    private final ApiClient api;
    private String token;

    public Feed(TestServer server) {
        this.server = server;
        this.api = server.api();
    }

    /** Signs the feed in again, after the test clock moved past its token's 12 hours. */
    public void signInAgain() {
        token = server.signIn("admin", io.lineone.server.ServerConfig.TEST_ADMIN_PASSWORD);
    }

    private String feedToken() {
        if (token == null) {
            token = server.adminToken();
        }
        return token;
    }

    /** A listing of 89.00 with a reference of 89.00, cost 50.00, 500 g, selling 50 an hour. */
    public static NewListing rice(String title) {
        return new NewListing(title, "粮油", 8_900, 8_900L, 5_000L, new BigDecimal("500"), WeightUnit.G, 50.0);
    }

    public Listing listing(String merchantId, NewListing listing) {
        ApiClient.Response created = api.post("/merchants/" + merchantId + "/listings", feedToken(), listing);
        assertThat(created.status()).as("post listing %s: %s", listing.title(), created).isEqualTo(201);
        return created.as(Listing.class);
    }

    public Listing patch(String listingId, ListingPatch patch) {
        ApiClient.Response patched = api.send("PATCH", "/listings/" + listingId, feedToken(), patch);
        assertThat(patched.status()).as("patch listing %s: %s", listingId, patched).isEqualTo(200);
        return patched.as(Listing.class);
    }

    /** Only the price changes. */
    public Listing price(String listingId, long priceCents) {
        return patch(listingId, new ListingPatch(priceCents, null, null, null, null, null, null, null));
    }

    public Listing get(String listingId) {
        return api.get("/listings/" + listingId, feedToken()).as(Listing.class);
    }

    public Coupon coupon(String merchantId, NewCoupon coupon) {
        ApiClient.Response created = api.post("/merchants/" + merchantId + "/coupons", feedToken(), coupon);
        assertThat(created.status()).as("post coupon: %s", created).isEqualTo(201);
        return created.as(Coupon.class);
    }

    public Coupon patchCoupon(String couponId, CouponPatch patch) {
        ApiClient.Response patched = api.send("PATCH", "/coupons/" + couponId, feedToken(), patch);
        assertThat(patched.status()).as("patch coupon: %s", patched).isEqualTo(200);
        return patched.as(Coupon.class);
    }

    public void cash(String merchantId, long balanceCents, long pendingCents) {
        ApiClient.Response put = api.put("/merchants/" + merchantId + "/cash", feedToken(),
                new CashUpdate(balanceCents, pendingCents));
        assertThat(put.status()).as("put cash: %s", put).isEqualTo(200);
    }

    public ApiClient.Response preview(String token, FixKind kind, String targetId, String issueId) {
        return api.post("/fixes/preview", token, new FixRequest(kind, targetId, issueId));
    }

    public FixPreview previewOk(String token, FixKind kind, String targetId, String issueId) {
        ApiClient.Response answer = preview(token, kind, targetId, issueId);
        assertThat(answer.status()).as("preview: %s", answer).isEqualTo(200);
        return answer.as(FixPreview.class);
    }

    public ApiClient.Response apply(String token, String key, NewFix fix) {
        return api.send("POST", "/fixes", token, fix, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    /** Previews and applies a fix with a fresh key. */
    public Fix fix(String token, FixKind kind, String targetId, String issueId) {
        FixPreview preview = previewOk(token, kind, targetId, issueId);
        ApiClient.Response applied = apply(token, UUID.randomUUID().toString(),
                new NewFix(kind, targetId, issueId, preview.targetVersion()));
        assertThat(applied.status()).as("apply: %s", applied).isEqualTo(201);
        return applied.as(Fix.class);
    }

    public ApiClient.Response undo(String token, String fixId) {
        return api.post("/fixes/" + fixId + "/undo", token, null);
    }

    /** Every item of a page answer. */
    public static List<String> ids(ApiClient.Response page) {
        return page.json().get("items").findValuesAsText("id");
    }
}
