-- One POST /issues as the backend writes it (docs/bench/intake.sh): read the merchant, then in one transaction the
-- issue row, its first history entry, the audit entry and the domain event (id from the transaction id, as
-- EventLog numbers events on PostgreSQL), with payloads of the size the API writes.
\set n random(1, 2000000000)
select id, name, assigned_manager_id from merchant where id = (select min(id) from merchant);
begin;
insert into issue (id, merchant_id, category, source, priority, status, title, description, money_at_risk_cents,
    created_at, updated_at, first_response_due_at, resolution_base_due_at, pause_count, paused_millis, version)
    values ('pgb-' || :client_id || '-' || :n, (select min(id) from merchant), 'PRICING_ERROR', 'MERCHANT', 'P3', 'NEW',
    '压测问题 load test', 'loadgen', :n % 500000, now(), now(), now() + interval '30 minutes',
    now() + interval '72 hours', 0, 0, 1);
insert into issue_history (issue_id, at, actor_id, action, to_status)
    values ('pgb-' || :client_id || '-' || :n, now(), null, 'created', 'NEW');
insert into audit_event (actor_id, action, target_type, target_id, after_json, request_id, at)
    values (null, 'issue.create', 'issue', 'pgb-' || :client_id || '-' || :n, repeat('x', 900), 'pgbench', now());
insert into domain_event (id, type, merchant_id, manager_id, payload, at)
    values (pg_current_xact_id()::text::bigint * 1048576 + 1, 'pgbench', (select min(id) from merchant), null,
    repeat('x', 900), now());
commit;
