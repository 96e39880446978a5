-- notification-service's own tables (V1 is the local e-mail sink). Read models kept from other
-- services' events by projections, and the notifications waiting for the batch digest.

-- identity-service's accounts as e-mails need them (app/account.created, app/account.profile-updated).
-- email, role and email_verified are null until an event carried them (a 1.0 profile update, which
-- lacks them, may arrive first); a row whose email is null is not yet a recipient.
CREATE TABLE recipients (
  user_id                 UUID PRIMARY KEY,
  email                   TEXT,
  username                TEXT NOT NULL,
  role                    TEXT,
  notification_preference TEXT NOT NULL,
  email_verified          BOOLEAN,
  version                 BIGINT NOT NULL
);

-- The admin digest's recipients.
CREATE INDEX recipients_verified_admins ON recipients (user_id)
  WHERE role = 'ADMIN' AND email_verified AND email IS NOT NULL;

-- Each ticket's owner, title and assignee (app/ticket.created 1.x, .updated, .assigned, .deleted).
-- A deletion is final; title is null for a ticket known only from its deletion.
CREATE TABLE known_tickets (
  ticket_id   UUID PRIMARY KEY,
  owner_id    UUID NOT NULL,
  title       TEXT,
  assignee_id UUID,
  version     BIGINT NOT NULL,
  deleted     BOOLEAN NOT NULL DEFAULT false
);

-- Who commented on which ticket, and when (app/comment.posted, app/comment.deleted). A deletion is
-- kept as a row (deleted, posted_at null when the posting was never seen) so that a posting
-- arriving after it on its own queue does not bring the comment back.
CREATE TABLE ticket_comments (
  comment_id UUID PRIMARY KEY,
  ticket_id  UUID NOT NULL,
  author_id  UUID NOT NULL,
  posted_at  TIMESTAMPTZ,
  deleted    BOOLEAN NOT NULL DEFAULT false
);

CREATE INDEX ticket_comments_by_ticket ON ticket_comments (ticket_id, posted_at);

-- Notifications queued for a daily-digest recipient's batch digest (cron 0 8 * * * UTC).
-- queue_key is <step idempotency key>:<user id>: a retried step queues its notice once.
CREATE TABLE pending_notifications (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    UUID NOT NULL,
  queue_key  TEXT NOT NULL UNIQUE,
  subject    TEXT NOT NULL,
  link       TEXT,
  queued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dropped')),
  settled_at TIMESTAMPTZ,
  -- the Idempotency-Key of the digest e-mail that carried it
  digest_key TEXT
);

CREATE INDEX pending_notifications_pending ON pending_notifications (user_id, id)
  WHERE status = 'pending';
