-- Managing issues: an issue handed to another manager's queue, and a duplicate linked to its original.

-- The manager whose queue holds the issue once it was transferred; null while it stays with the merchant's own
-- manager. Who may see an issue, and whose stream hears of it, follows coalesce(handler_id, the merchant's manager).
alter table issue add column handler_id varchar(40) references app_user (id);
-- The issue this one duplicates; set when it is resolved as a duplicate.
alter table issue add column duplicate_of varchar(40) references issue (id);
create index issue_handler on issue (handler_id, id);
-- What a management step changed: the new manager's name, P3→P1, the other issue of a duplicate link.
alter table issue_history add column detail varchar(200);
