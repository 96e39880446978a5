-- Tries at verification codes are counted per account, no longer per code: asking for a new code
-- used to start a fresh count, so a client could guess five times per code for as long as it kept
-- asking. The count lasts from the first try it counts for the code lifetime (2 h), and a
-- successful verification forgets it; so no account is locked for longer than that.
CREATE TABLE email_verification_tries (
    user_id      uuid        PRIMARY KEY REFERENCES users (id),
    tries        integer     NOT NULL CHECK (tries >= 1),
    first_try_at timestamptz NOT NULL
);
INSERT INTO email_verification_tries (user_id, tries, first_try_at)
SELECT user_id, wrong_tries, now() FROM email_verification_codes WHERE wrong_tries > 0;
ALTER TABLE email_verification_codes DROP COLUMN wrong_tries;
