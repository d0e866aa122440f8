-- Realistic rows for a program at 11.11 scale, then EXPLAIN ANALYZE of every list query the API runs, in the
-- form the stores write them (bind values filled in). Run on a throwaway database that a backend has migrated:
--   docs/bench/postgres.sh 54339 &   createdb -h 127.0.0.1 -p 54339 -U postgres explain
--   LINEONE_DB_USER=postgres LINEONE_DB_PASSWORD=postgres LINEONE_ADMIN_PASSWORD=explain-admin-1 \
--     java -jar target/lineone.jar server --port 18072 --db jdbc:postgresql://127.0.0.1:54339/explain   (then stop it)
--   psql -h 127.0.0.1 -p 54339 -U postgres -f docs/bench/explain-lists.sql explain
-- 200 managers, 50,000 merchants, 400,000 issues (one in ten open), 1.2 million events, 20,000 fixes, 2,000 bells.
\set ON_ERROR_STOP on
\timing off
-- A throwaway database only: it starts from empty tables.
truncate app_user, merchant, issue, issue_history, audit_event, domain_event, fix, product_release, bell cascade;
insert into app_user (id, login, display_name, role, password_hash, created_at)
select 'usr_m' || g, 'm' || g, '经理' || g, 'MANAGER', 'x', now() from generate_series(1, 200) g;
insert into merchant (id, name, shop_name, tier, category, region, assigned_manager_id, shipping_hours,
    pre_sale_response_seconds, after_sale_response_seconds, dsr, dispute_rate, lighthouse_score, band, search_text,
    version, created_at)
select 'mer_' || lpad(g::text, 6, '0'), '商家' || g, '店' || g, 'SME', '食品生鲜', '浙江',
    case when g % 50 = 0 then null else 'usr_m' || (1 + g % 200) end, 24, 30, 45, 4.5, 0.01, 80, 'GREEN',
    '商家' || g, 1, now()
from generate_series(1, 50000) g;
insert into issue (id, merchant_id, category, source, priority, status, title, description, money_at_risk_cents,
    assignee_id, handler_id, created_at, updated_at, first_response_due_at, resolution_base_due_at, pause_count,
    paused_millis, version)
select 'iss_' || lpad(g::text, 8, '0'), 'mer_' || lpad((1 + (g::bigint * 7919) % 50000)::text, 6, '0'), 'PRICING_ERROR',
    'MERCHANT', 'P' || (1 + g % 4),
    case when g % 10 = 0 then (array['NEW','ACKNOWLEDGED','IN_PROGRESS','WAITING_MERCHANT'])[1 + g / 10 % 4]
         else 'RESOLVED' end,
    '标价疑似小数点错位', 'loadgen', g % 500000,
    case when g % 3 = 0 then 'usr_m' || (1 + g % 200) end, case when g % 97 = 0 then 'usr_m' || (1 + g % 199) end,
    now() - (400000 - g) * interval '1 second', now(), now(), now(), 0, 0, 1
from generate_series(1, 400000) g;
insert into domain_event (id, type, merchant_id, manager_id, payload, at)
select g, 'issue.updated', 'mer_' || lpad((1 + (g::bigint * 7919) % 50000)::text, 6, '0'), 'usr_m' || (1 + g % 200),
    repeat('x', 600), now()
from generate_series(1, 1200000) g;
insert into fix (id, kind, target_id, target_title, merchant_id, manager_id, issue_id, requested_by, before_json,
    after_json, loss_averted_cents, status, applied_at, target_version_after, version)
select 'fix_' || lpad(g::text, 7, '0'), 'LISTING_PRICE', 'lst_' || g, '商品', 'mer_' || lpad((1 + g % 50000)::text, 6, '0'),
    'usr_m' || (1 + g % 200), 'iss_' || lpad(g::text, 8, '0'), 'usr_m1', '{}', '{}', 100, 'APPLIED',
    now() - g * interval '1 minute', 2, 1
from generate_series(1, 20000) g;
insert into product_release (id, product_area, name, version, owner_id, stage, exposure_percent, created_at,
    updated_at, row_version)
select 'rel_' || g, '优惠券', '发布' || g, '1.0.' || g, 'usr_m1', 'ROLLING_OUT', 10, now(), now(), 1
from generate_series(1, 200) g;
insert into bell (id, release_id, pulled_by, reason, severity, status, created_at, updated_at, acknowledge_due_at,
    version)
select 'bel_' || lpad(g::text, 6, '0'), 'rel_' || (1 + g % 200), 'usr_m1', '价格错误影响大量商家的订单', 'MAJOR',
    case when g % 20 = 0 then 'OPEN' else 'RESOLVED' end, now(), now(), now() + interval '4 hours', 1
from generate_series(1, 2000) g;
analyze;

\echo '== issues: a manager''s open queue, first page (GET /issues?status=OPEN, a MANAGER), as written before issue 12'
explain (analyze, costs off, summary on) select i.id from issue i join merchant m on m.id = i.merchant_id
  left join app_user u on u.id = i.assignee_id
  where coalesce(i.handler_id, m.assigned_manager_id) = 'usr_m7'
  and i.status in ('NEW','ACKNOWLEDGED','IN_PROGRESS','WAITING_MERCHANT') order by i.id limit 51;
\echo '== issues: a manager''s whole queue, first page (GET /issues, a MANAGER), as written before issue 12'
explain (analyze, costs off, summary on) select i.id from issue i join merchant m on m.id = i.merchant_id
  where coalesce(i.handler_id, m.assigned_manager_id) = 'usr_m7' order by i.id limit 51;
\echo '== issues: a manager''s open queue, first page, as IssueStore writes it now'
explain (analyze, costs off, summary on) select i.id from issue i join merchant m on m.id = i.merchant_id
  left join app_user u on u.id = i.assignee_id
  where i.id in (select x.id from issue x where x.handler_id = 'usr_m7' union all select y.id from issue y
  join merchant ym on ym.id = y.merchant_id where ym.assigned_manager_id = 'usr_m7' and y.handler_id is null)
  and i.status in ('NEW','ACKNOWLEDGED','IN_PROGRESS','WAITING_MERCHANT') order by i.id limit 51;
\echo '== issues: a manager''s whole queue, first page, as IssueStore writes it now'
explain (analyze, costs off, summary on) select i.id from issue i join merchant m on m.id = i.merchant_id
  where i.id in (select x.id from issue x where x.handler_id = 'usr_m7' union all select y.id from issue y
  join merchant ym on ym.id = y.merchant_id where ym.assigned_manager_id = 'usr_m7' and y.handler_id is null) order by i.id limit 51;
\echo '== issues: everyone''s open issues, a page (GET /issues?status=OPEN, a SUPERVISOR)'
explain (analyze, costs off, summary on) select i.id from issue i join merchant m on m.id = i.merchant_id
  where 1 = 1 and i.status in ('NEW','ACKNOWLEDGED','IN_PROGRESS','WAITING_MERCHANT') and i.id > 'iss_00200000'
  order by i.id limit 51;
\echo '== issues: one merchant''s (GET /issues?merchantId=)'
explain (analyze, costs off, summary on) select i.id from issue i join merchant m on m.id = i.merchant_id
  where 1 = 1 and i.merchant_id = 'mer_000123' order by i.id limit 51;
\echo '== issues: unassigned open, P1 (GET /issues?status=OPEN&priority=P1&unassigned=true)'
explain (analyze, costs off, summary on) select i.id from issue i join merchant m on m.id = i.merchant_id
  where 1 = 1 and i.status in ('NEW','ACKNOWLEDGED','IN_PROGRESS','WAITING_MERCHANT') and i.priority in ('P1')
  and i.assignee_id is null order by i.id limit 51;
\echo '== team load: every open issue with its queue (GET /team/load)'
explain (analyze, costs off, summary on) select i.id, coalesce(i.handler_id, m.assigned_manager_id)
  from issue i join merchant m on m.id = i.merchant_id
  where 1 = 1 and i.status in ('NEW','ACKNOWLEDGED','IN_PROGRESS','WAITING_MERCHANT') order by i.id;
\echo '== merchants: a manager''s book (GET /merchants?assigned=me)'
explain (analyze, costs off, summary on) select id from merchant where assigned_manager_id = 'usr_m7'
  order by id limit 501;
\echo '== fixes: a manager''s ledger, newest first (GET /fixes)'
explain (analyze, costs off, summary on) select f.id from fix f join merchant m on m.id = f.merchant_id
  where m.assigned_manager_id = 'usr_m7' order by f.id desc limit 51;
\echo '== bells: open ones, newest first (GET /bells?status=OPEN)'
explain (analyze, costs off, summary on) select b.id from bell b where 1 = 1 and b.status = 'OPEN'
  order by b.id desc limit 51;
\echo '== events: a manager''s replay page from an id a day back (GET /events with Last-Event-ID)'
explain (analyze, costs off, summary on) select e.id, case when e.merchant_id is null
  or m.assigned_manager_id = 'usr_m7' then 1 else 0 end
  from domain_event e left join merchant m on m.id = e.merchant_id
  where e.id > 1100000 and e.id < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint * 1048576)
  order by e.id limit 500;
\echo '== events: the hub''s read of what is new (live delivery)'
explain (analyze, costs off, summary on) select e.id from domain_event e where e.id > 1199000
  and e.id < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint * 1048576) order by e.id limit 1000;
