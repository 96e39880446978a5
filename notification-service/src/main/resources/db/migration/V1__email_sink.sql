-- The local e-mail sink: where e-mails go while no provider is configured (EMAIL_BASE_URL unset),
-- listed by GET /internal/notifications/emails. One row per distinct idempotency key, as a provider
-- sends one e-mail per key: a step that is sent again stores nothing new.
CREATE TABLE email_sink (
    -- Insertion order: the listing is newest first by id and pages with "before <id>".
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key TEXT        NOT NULL UNIQUE,
    from_address    TEXT        NOT NULL,
    to_addresses    TEXT[]      NOT NULL,
    subject         TEXT        NOT NULL,
    html_body       TEXT        NOT NULL,
    text_body       TEXT        NOT NULL,
    -- Extra e-mail headers (List-Unsubscribe) as a JSON object of strings.
    headers         JSONB       NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
