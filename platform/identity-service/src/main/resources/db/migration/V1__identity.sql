-- Accounts, sessions, one-time secrets, signing keys and the audit log (DESIGN.md §7). Secrets a
-- caller presents (refresh tokens, reset tokens, verification codes) are stored only as SHA-256
-- hashes (hex), so a copy of this database signs nobody in.
CREATE TABLE users (
    id                      uuid        PRIMARY KEY,
    username                text        NOT NULL CHECK (length(username) BETWEEN 3 AND 20),
    email                   text        NOT NULL CHECK (email = lower(email)),
    password_hash           text        NOT NULL,
    role                    text        NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    notification_preference text        NOT NULL
        CHECK (notification_preference IN ('immediate', 'daily-digest', 'off')),
    email_verified_at       timestamptz,
    version                 bigint      NOT NULL CHECK (version >= 1),
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);
-- "Ada" and "ada" are one name: nobody can pose as another by changing case.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE sessions (
    id                 uuid        PRIMARY KEY,
    user_id            uuid        NOT NULL REFERENCES users (id),
    refresh_token_hash text        NOT NULL UNIQUE,
    refresh_expires_at timestamptz NOT NULL,
    created_at         timestamptz NOT NULL,
    ended_at           timestamptz,
    end_reason         text,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id) WHERE ended_at IS NULL;

-- Every refresh token a session has already exchanged: presenting one again is theft, and ends the
-- session it belonged to.
CREATE TABLE spent_refresh_tokens (
    token_hash text        PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES sessions (id),
    spent_at   timestamptz NOT NULL
);

CREATE TABLE password_reset_tokens (
    token_hash text        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

-- One live code per account: a new request replaces the old code.
CREATE TABLE email_verification_codes (
    user_id    uuid        PRIMARY KEY REFERENCES users (id),
    code_hash  text        NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE TABLE signing_keys (
    kid        text        PRIMARY KEY,
    jwk        text        NOT NULL,
    created_at timestamptz NOT NULL,
    retired_at timestamptz
);
-- At most one active key, whatever instances start or rotate at once.
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((true)) WHERE retired_at IS NULL;

-- Who did what, when, from where; never a password, token, code or link.
CREATE TABLE audit_log (
    id             bigserial   PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    user_id        uuid,
    action         text        NOT NULL,
    client_address text,
    detail         text,
    -- Set for rows written by an event consumer, which makes a redelivery write nothing new.
    event_id       uuid        UNIQUE
);
CREATE INDEX audit_log_user_id_idx ON audit_log (user_id, occurred_at);
