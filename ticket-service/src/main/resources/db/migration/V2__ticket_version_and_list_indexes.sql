-- Every change of a ticket raises its version by one (1 at creation); events carry it, and an
-- update only overwrites the version it was made from. Tickets stored before count as version 1.
ALTER TABLE tickets ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE tickets ALTER COLUMN version DROP DEFAULT;

-- GET /api/tickets sorts by one of these, ties broken by id; owner and status narrow the list.
DROP INDEX tickets_created_at_idx;
CREATE INDEX tickets_created_at_id_idx ON tickets (created_at, id);
CREATE INDEX tickets_bounty_id_idx ON tickets (bounty, id);
CREATE INDEX tickets_deadline_id_idx ON tickets (deadline, id);
CREATE INDEX tickets_title_id_idx ON tickets (title, id);
CREATE INDEX tickets_status_idx ON tickets (status);
