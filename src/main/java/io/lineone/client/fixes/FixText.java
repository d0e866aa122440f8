package io.lineone.client.fixes;

import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixStatus;
import io.lineone.api.ListingAnomaly;
import io.lineone.api.ListingStatus;
import io.lineone.client.common.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fixes, listings and the ledger read on screen, in the user's language and time zone: a fix's name, what it
 * changes in words (field labels and values, never wire names), money as ¥1,234.56. Pure formatting, no JavaFX.
 */
public final class FixText {

    /** One changed field, in words. */
    public record Change(String field, String before, String after) {
    }

    /** The wire fields a fix may change, in the order a person reads them. */
    private static final List<String> FIELDS = List.of("status", "priceCents", "weightValue", "weightUnit",
            "stackable", "autoDeductionPaused");

    private final Messages messages;
    private final DateTimeFormatter dayAndTime;

    public FixText(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.dayAndTime = DateTimeFormatter.ofPattern(messages.get("fixes.when"), messages.locale()).withZone(zone);
    }

    public Messages messages() {
        return messages;
    }

    /** ¥1,234.56 from fen. */
    public String money(long cents) {
        return messages.format("fixes.money", BigDecimal.valueOf(cents, 2));
    }

    /** ¥1,234.56, or a dash when unknown. */
    public String money(Long cents) {
        return cents == null ? "—" : money(cents.longValue());
    }

    /** The fix as a command: "Delist the listing". */
    public String kind(FixKind kind) {
        return switch (kind) {
            case DELIST_LISTING -> messages.get("fixes.kind.DELIST_LISTING");
            case RESTORE_PRICE -> messages.get("fixes.kind.RESTORE_PRICE");
            case DISABLE_COUPON_STACKING -> messages.get("fixes.kind.DISABLE_COUPON_STACKING");
            case CORRECT_WEIGHT_UNIT -> messages.get("fixes.kind.CORRECT_WEIGHT_UNIT");
            case PAUSE_AUTO_DEDUCTION -> messages.get("fixes.kind.PAUSE_AUTO_DEDUCTION");
        };
    }

    /** What was done, as a toast's title: "Delisted “Tea set”". */
    public String done(FixKind kind, String target) {
        return switch (kind) {
            case DELIST_LISTING -> messages.format("fixes.done.DELIST_LISTING", target);
            case RESTORE_PRICE -> messages.format("fixes.done.RESTORE_PRICE", target);
            case DISABLE_COUPON_STACKING -> messages.format("fixes.done.DISABLE_COUPON_STACKING", target);
            case CORRECT_WEIGHT_UNIT -> messages.format("fixes.done.CORRECT_WEIGHT_UNIT", target);
            case PAUSE_AUTO_DEDUCTION -> messages.format("fixes.done.PAUSE_AUTO_DEDUCTION", target);
        };
    }

    /** The fields a fix changes, before and after, in words and in reading order. */
    public List<Change> changes(Map<String, Object> before, Map<String, Object> after) {
        List<Change> changes = new ArrayList<>();
        List<String> keys = new ArrayList<>(FIELDS);
        after.keySet().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
        for (String key : keys) {
            if (after.containsKey(key) || before.containsKey(key)) {
                changes.add(new Change(field(key), value(key, before.get(key)), value(key, after.get(key))));
            }
        }
        return changes;
    }

    /** A changed field's label. */
    public String field(String wireName) {
        return switch (wireName) {
            case "status" -> messages.get("fixes.field.status");
            case "priceCents" -> messages.get("fixes.field.priceCents");
            case "weightValue" -> messages.get("fixes.field.weightValue");
            case "weightUnit" -> messages.get("fixes.field.weightUnit");
            case "stackable" -> messages.get("fixes.field.stackable");
            case "autoDeductionPaused" -> messages.get("fixes.field.autoDeductionPaused");
            default -> wireName;
        };
    }

    /** A field's value in words: money, a listing's status, yes/no, a unit's name. */
    public String value(String wireName, Object value) {
        if (value == null) {
            return "—";
        }
        return switch (wireName) {
            case "priceCents" -> value instanceof Number n ? money(n.longValue()) : value.toString();
            case "status" -> status(value.toString());
            case "stackable" -> messages.get(Boolean.TRUE.equals(bool(value)) ? "fixes.value.stackable.true"
                    : "fixes.value.stackable.false");
            case "autoDeductionPaused" -> messages.get(Boolean.TRUE.equals(bool(value))
                    ? "fixes.value.autoDeductionPaused.true" : "fixes.value.autoDeductionPaused.false");
            case "weightUnit" -> unit(value.toString());
            case "weightValue" -> value instanceof Number n
                    ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : value.toString();
            default -> value.toString();
        };
    }

    private static Boolean bool(Object value) {
        return value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
    }

    /** A listing's status by its wire name. */
    public String status(String wire) {
        return switch (wire.toUpperCase(Locale.ROOT)) {
            case "LIVE" -> messages.get("fixes.value.status.LIVE");
            case "DELISTED" -> messages.get("fixes.value.status.DELISTED");
            default -> wire;
        };
    }

    public String status(ListingStatus status) {
        return status == null ? "" : status(status.name());
    }

    /** A weight unit by its wire name (g, kg, jin). */
    public String unit(String wire) {
        return switch (wire.toLowerCase(Locale.ROOT)) {
            case "g" -> messages.get("fixes.value.unit.g");
            case "kg" -> messages.get("fixes.value.unit.kg");
            case "jin" -> messages.get("fixes.value.unit.jin");
            default -> wire;
        };
    }

    /** An anomaly's chip: decimal slip, below cost, coupon stack, unit. */
    public String anomaly(ListingAnomaly anomaly) {
        return switch (anomaly) {
            case DECIMAL_SLIP -> messages.get("fixes.anomaly.DECIMAL_SLIP");
            case BELOW_HALF_REFERENCE -> messages.get("fixes.anomaly.BELOW_HALF_REFERENCE");
            case BELOW_COST -> messages.get("fixes.anomaly.BELOW_COST");
            case COUPON_STACK -> messages.get("fixes.anomaly.COUPON_STACK");
            case COUPON_BUDGET -> messages.get("fixes.anomaly.COUPON_BUDGET");
            case WEIGHT_UNIT -> messages.get("fixes.anomaly.WEIGHT_UNIT");
        };
    }

    /** The merchant-level chip: the cash balance is below the pending deduction. */
    public String cashShort() {
        return messages.get("fixes.anomaly.CASH_SHORT");
    }

    /** "Saves ¥1,234.56". */
    public String saves(long cents) {
        return messages.format("fixes.saves", money(cents));
    }

    /** "Averted ¥1,234.56": what an applied fix saved. */
    public String saved(long cents) {
        return messages.format("fixes.saved", money(cents));
    }

    /** A fix's undo state, as its row in the ledger shows it. */
    public String undoState(Fix fix, Instant now) {
        if (fix.status() == FixStatus.UNDONE) {
            return fix.undoneAt() == null ? messages.get("fixes.state.undone")
                    : messages.format("fixes.state.undoneAt", dayAndTime.format(fix.undoneAt()));
        }
        if (undoable(fix, now)) {
            return messages.format("fixes.state.undoableUntil", dayAndTime.format(fix.undoableUntil()));
        }
        return messages.get("fixes.state.final");
    }

    /** Whether the fix may still be undone, as far as the console knows (the server has the last word). */
    public static boolean undoable(Fix fix, Instant now) {
        return fix.status() == FixStatus.APPLIED && fix.undoableUntil() != null && now.isBefore(fix.undoableUntil());
    }

    public String when(Instant at) {
        return at == null ? "" : dayAndTime.format(at);
    }
}
