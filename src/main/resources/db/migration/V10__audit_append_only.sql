-- The audit trail is append-only for every database account, the application's included: an UPDATE, DELETE or
-- TRUNCATE of audit_event fails. (A team's PostgreSQL also keeps the application's role lineone_app to INSERT and
-- SELECT on it, and the schema in another role's hands: README, "A backend for a team". This trigger holds even
-- where that set-up was skipped.)
-- Each database reads only its own half: Database.open sets the placeholders to open and close a comment around
-- the other half.

${postgresql_begin}
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- The team set-up (README) gives the application's role every right on the owner's new tables; on this one it
-- keeps reading and appending only.
do $$
begin
    if exists (select from pg_roles where rolname = 'lineone_app') then
        revoke update, delete, truncate on audit_event from lineone_app;
    end if;
end
$$;
${postgresql_end}

${h2_begin}
create trigger audit_event_no_change before update, delete on audit_event
    for each row call 'io.lineone.server.audit.AppendOnlyTrigger';
${h2_end}
