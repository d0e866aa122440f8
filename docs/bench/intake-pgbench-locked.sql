-- The same transaction as intake-pgbench.sql, its event numbered as before issue 12: from the event_sequence row
-- locked until commit (negative ids here, so they never mix with the backend's own).
\set n random(1, 2000000000)
select id, name, assigned_manager_id from merchant where id = (select min(id) from merchant);
begin;
insert into issue (id, merchant_id, category, source, priority, status, title, description, money_at_risk_cents,
    created_at, updated_at, first_response_due_at, resolution_base_due_at, pause_count, paused_millis, version)
    values ('pgl-' || :client_id || '-' || :n, (select min(id) from merchant), 'PRICING_ERROR', 'MERCHANT', 'P3', 'NEW',
    '压测问题 load test', 'loadgen', :n % 500000, now(), now(), now() + interval '30 minutes',
    now() + interval '72 hours', 0, 0, 1);
insert into issue_history (issue_id, at, actor_id, action, to_status)
    values ('pgl-' || :client_id || '-' || :n, now(), null, 'created', 'NEW');
insert into audit_event (actor_id, action, target_type, target_id, after_json, request_id, at)
    values (null, 'issue.create', 'issue', 'pgl-' || :client_id || '-' || :n, repeat('x', 900), 'pgbench', now());
select last_id from event_sequence where name = 'domain_event' for update;
update event_sequence set last_id = last_id + 1 where name = 'domain_event';
insert into domain_event (id, type, merchant_id, manager_id, payload, at)
    values (-(select last_id from event_sequence where name = 'domain_event'), 'pgbench', (select min(id) from merchant),
    null, repeat('x', 900), now());
commit;
