package io.lineone.client.net;

import io.lineone.api.Listing;
import io.lineone.api.ListingAnomaly;
import io.lineone.api.ListingStatus;
import io.lineone.api.WeightUnit;
import java.math.BigDecimal;
import java.util.List;

/** Listings for tests. */
public final class Listings {

    private Listings() {
    }

    /** A tea set slipped from ¥990.00 to ¥9.90: a decimal slip, below cost. */
    public static Listing slipped(String id, String merchantId) {
        return new Listing(id, merchantId, "Tea set 茶具", "tea", 9_90, 990_00L, 400_00L, new BigDecimal("1.2"),
                WeightUnit.KG, 12.0, ListingStatus.LIVE, 990_00L,
                List.of(ListingAnomaly.DECIMAL_SLIP, ListingAnomaly.BELOW_COST), List.of("i-1"), Bells.T0, 3);
    }

    /** The same listing in another status, one version on. */
    public static Listing with(Listing l, ListingStatus status) {
        return new Listing(l.id(), l.merchantId(), l.title(), l.category(), l.priceCents(), l.referencePriceCents(),
                l.costCents(), l.weightValue(), l.weightUnit(), l.unitsPerHour(), status, l.lastGoodPriceCents(),
                l.anomalies(), l.openIssueIds(), l.updatedAt(), l.version() + 1);
    }

    /** The same listing, one version on (someone changed it). */
    public static Listing bumped(Listing l) {
        return with(l, l.status());
    }
}
