package io.lineone.server.listings;

import io.lineone.api.CashUpdate;
import io.lineone.api.CouponPatch;
import io.lineone.api.ListingPatch;
import io.lineone.api.NewCoupon;
import io.lineone.api.NewListing;
import io.lineone.server.core.Validation;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the feed's bodies, naming every field that is off: money negative, zero or too large, units, percents. */
final class ListingRequests {

    /** No price, cost, budget or balance above ¥10,000,000,000.00: a guard against overflow, not policy. */
    static final long MAX_MONEY_CENTS = 1_000_000_000_000L;
    static final double MAX_UNITS_PER_HOUR = 1_000_000;
    static final BigDecimal MAX_WEIGHT = new BigDecimal("1000000000");
    static final int MAX_TITLE = 200;
    static final int MAX_CATEGORY = 100;
    static final int MAX_COUPON_LISTINGS = 1000;

    private ListingRequests() {
    }

    static void validate(NewListing l) {
        Validation v = new Validation().text("title", l.title(), MAX_TITLE);
        if (l.category() != null) {
            v.text("category", l.category(), MAX_CATEGORY);
        }
        positive(v, "priceCents", l.priceCents());
        if (l.referencePriceCents() != null) {
            positive(v, "referencePriceCents", l.referencePriceCents());
        }
        if (l.costCents() != null) {
            positive(v, "costCents", l.costCents());
        }
        weight(v, l.weightValue(), l.weightUnit() != null, true);
        if (l.weightUnit() != null && l.weightValue() == null) {
            v.add("weightValue", "is required with weightUnit");
        }
        unitsPerHour(v, l.unitsPerHour());
        v.throwIfInvalid();
    }

    static void validate(ListingPatch p) {
        Validation v = new Validation();
        if (p.title() != null) {
            v.text("title", p.title(), MAX_TITLE);
        }
        if (p.priceCents() != null) {
            positive(v, "priceCents", p.priceCents());
        }
        if (p.referencePriceCents() != null) {
            positive(v, "referencePriceCents", p.referencePriceCents());
        }
        if (p.costCents() != null) {
            positive(v, "costCents", p.costCents());
        }
        weight(v, p.weightValue(), true, false);
        unitsPerHour(v, p.unitsPerHour());
        v.throwIfInvalid();
    }

    static void validate(NewCoupon c) {
        Validation v = new Validation();
        amount(v, c.discountCents(), c.percentOff());
        positive(v, "budgetCents", c.budgetCents());
        if (c.spentCents() != null) {
            notNegative(v, "spentCents", c.spentCents());
        }
        List<String> ids = c.listingIds() == null ? List.of() : c.listingIds();
        if (ids.size() > MAX_COUPON_LISTINGS) {
            v.add("listingIds", "must name at most " + MAX_COUPON_LISTINGS + " listings");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                v.text("listingIds[" + i + "]", ids.get(i), 40);
                if (ids.get(i) != null && !seen.add(ids.get(i))) {
                    v.add("listingIds[" + i + "]", "names a listing twice");
                }
            }
        }
        v.throwIfInvalid();
    }

    static void validate(CouponPatch p) {
        Validation v = new Validation();
        if (p.spentCents() != null) {
            notNegative(v, "spentCents", p.spentCents());
        }
        if (p.budgetCents() != null) {
            positive(v, "budgetCents", p.budgetCents());
        }
        v.throwIfInvalid();
    }

    static void validate(CashUpdate c) {
        Validation v = new Validation();
        notNegative(v, "balanceCents", c.balanceCents());
        notNegative(v, "pendingDeductionCents", c.pendingDeductionCents());
        v.throwIfInvalid();
    }

    private static void amount(Validation v, Long discountCents, Integer percentOff) {
        if ((discountCents == null) == (percentOff == null)) {
            v.add(discountCents == null ? "discountCents" : "percentOff",
                    "give exactly one of discountCents and percentOff");
            return;
        }
        if (discountCents != null) {
            positive(v, "discountCents", discountCents);
        } else if (percentOff < 1 || percentOff > 100) {
            v.add("percentOff", "must be a whole percent from 1 to 100");
        }
    }

    private static void weight(Validation v, BigDecimal value, boolean unitGiven, boolean creating) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0) {
            v.add("weightValue", "must be greater than 0");
        } else if (value.compareTo(MAX_WEIGHT) > 0) {
            v.add("weightValue", "must be at most " + MAX_WEIGHT.toPlainString());
        } else if (value.stripTrailingZeros().scale() > 6) {
            v.add("weightValue", "must have at most 6 decimal places");
        }
        if (creating && !unitGiven) {
            v.add("weightUnit", "is required with weightValue (g, kg or jin)");
        }
    }

    private static void unitsPerHour(Validation v, Double unitsPerHour) {
        if (unitsPerHour != null && !(unitsPerHour >= 0 && unitsPerHour <= MAX_UNITS_PER_HOUR)) {
            v.add("unitsPerHour", "must be a number from 0 to " + (long) MAX_UNITS_PER_HOUR);
        }
    }

    static void positive(Validation v, String field, long cents) {
        if (cents <= 0) {
            v.add(field, "must be greater than 0");
        } else if (cents > MAX_MONEY_CENTS) {
            v.add(field, "must be at most " + MAX_MONEY_CENTS);
        }
    }

    static void notNegative(Validation v, String field, long cents) {
        if (cents < 0) {
            v.add(field, "must not be negative");
        } else if (cents > MAX_MONEY_CENTS) {
            v.add(field, "must be at most " + MAX_MONEY_CENTS);
        }
    }
}
