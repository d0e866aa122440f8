package io.lineone.server.merchants;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.Json;
import io.lineone.api.TimelineEntry;
import io.lineone.api.TimelineKind;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A merchant's timeline, read from the tables that already hold each kind of entry — issue history, messages, notes,
 * fixes, bells citing its issues, the audit trail of reassignments, the score history — as one statement (a union
 * of them) paged newest first by (time, entry id).
 */
public final class MerchantTimelineStore {

    /** Where a page starts: after the entry at {@code at} with {@code id}, newest first. */
    public record After(Instant at, String id) {
    }

    private static final int TITLE = 120;

    private static final String ISSUE_STEPS = "select 'h' || cast(h.id as varchar(20)) as eid,"
            + " case when h.action = 'created' then 'ISSUE_OPENED' else 'ISSUE_RESOLVED' end as kind, h.at,"
            + " i.title as title, u.display_name as actor, i.id as ref, null as extra"
            + " from issue i join issue_history h on h.issue_id = i.id left join app_user u on u.id = h.actor_id"
            + " where i.merchant_id = ? and (h.action = 'created' or h.to_status = 'RESOLVED')";
    private static final String MESSAGES = "select 'm' || cast(x.seq as varchar(20)), 'MESSAGE', x.at, x.body,"
            + " x.author_name, x.issue_id, x.direction from issue_message x where x.merchant_id = ?";
    private static final String NOTES = "select 'n' || cast(x.seq as varchar(20)), 'NOTE', x.at, x.body,"
            + " x.author_name, x.issue_id, null from issue_note x where x.merchant_id = ?";
    private static final String FIXES = "select 'f' || f.id, 'FIX_APPLIED', f.applied_at, f.target_title,"
            + " u.display_name, f.id, f.kind from fix f left join app_user u on u.id = f.requested_by"
            + " where f.merchant_id = ?"
            + " union all select 'u' || f.id, 'FIX_UNDONE', f.undone_at, f.target_title, u.display_name, f.id, f.kind"
            + " from fix f left join app_user u on u.id = f.undone_by where f.merchant_id = ? and f.undone_at is not null";
    private static final String BELLS = "select 'b' || b.id, 'BELL_PULLED', b.created_at, b.reason, u.display_name,"
            + " b.id, null from bell b left join app_user u on u.id = b.pulled_by"
            + " where exists (select 1 from bell_evidence e join issue i on i.id = e.issue_id"
            + " where e.bell_id = b.id and i.merchant_id = ?)";
    private static final String REASSIGNED = "select 'a' || cast(a.id as varchar(20)), 'REASSIGNED', a.at, a.after_json,"
            + " u.display_name, null, null from audit_event a left join app_user u on u.id = a.actor_id"
            + " where a.target_type = 'merchant' and a.target_id = ? and a.action = 'merchant.reassign'";
    private static final String SCORES = "select 's' || cast(s.id as varchar(20)), 'SCORE_CHANGED', s.at,"
            + " cast(s.score as varchar(10)), null, null, null from merchant_score s where s.merchant_id = ?";

    private final Database db;

    public MerchantTimelineStore(Database db) {
        this.db = db;
    }

    /** Up to {@code limit} entries of a merchant, newest first, after {@code after} (null: from the newest). */
    public List<TimelineEntry> page(String merchantId, boolean withNotes, After after, int limit) {
        StringBuilder sql = new StringBuilder("select t.eid, t.kind, t.at, t.title, t.actor, t.ref, t.extra from (")
                .append(ISSUE_STEPS).append(" union all ").append(MESSAGES);
        List<Object> args = new ArrayList<>(List.of(merchantId, merchantId));
        if (withNotes) {
            sql.append(" union all ").append(NOTES);
            args.add(merchantId);
        }
        sql.append(" union all ").append(FIXES).append(" union all ").append(BELLS).append(" union all ")
                .append(REASSIGNED).append(" union all ").append(SCORES).append(") t");
        args.addAll(List.of(merchantId, merchantId, merchantId, merchantId, merchantId));
        if (after != null) {
            sql.append(" where t.at < ? or (t.at = ? and t.eid < ?)");
            args.addAll(List.of(after.at(), after.at(), after.id()));
        }
        sql.append(" order by t.at desc, t.eid desc limit ?");
        args.add(limit);
        return db.read(c -> Rows.list(c, sql.toString(), args, rows -> {
            TimelineKind kind = TimelineKind.valueOf(rows.getString("kind"));
            String title = rows.getString("title");
            String extra = rows.getString("extra");
            return new TimelineEntry(rows.getString("eid"), kind, Rows.instant(rows, "at"), title(kind, title, extra),
                    rows.getString("actor"), rows.getString("ref"));
        }));
    }

    /** What the entry says in one line: a fix names its kind, a reassignment the new manager, long text is cut. */
    private static String title(TimelineKind kind, String text, String extra) {
        String title = switch (kind) {
            case FIX_APPLIED, FIX_UNDONE -> extra + ": " + text;
            case REASSIGNED -> managerName(text);
            default -> text == null ? "" : text;
        };
        return title.length() > TITLE ? title.substring(0, TITLE - 1) + "\u2026" : title;
    }

    private static String managerName(String afterJson) {
        try {
            JsonNode after = Json.mapper().readTree(afterJson);
            JsonNode name = after.path("assignedManagerName");
            return name.isTextual() ? name.asText() : after.path("assignedManagerId").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
