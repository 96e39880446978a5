-- The usernames of accounts, as identity-service announced them (app/account.created,
-- app/account.profile-updated). version 0 is a name taken from a caller's token before the event.
CREATE TABLE service_web.accounts (
  user_id uuid PRIMARY KEY,
  username text NOT NULL,
  version bigint NOT NULL
);
