-- Issue 12. On PostgreSQL, domain_event.id is no longer drawn from event_sequence: it is the writing transaction's
-- id times 2^20 plus the event's place in it, and readers read below the snapshot's xmin (see EventLog). The
-- counter row stays for H2, where it still numbers events. Existing ids are far below any transaction-based one,
-- so a database upgraded in place keeps rising ids.

-- A manager's fix ledger, newest first: their merchants' fixes by id (GET /fixes).
create index fix_merchant_id on fix (merchant_id, id);
