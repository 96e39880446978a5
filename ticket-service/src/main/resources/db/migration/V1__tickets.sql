-- Tickets (DESIGN.md §7). The checks repeat the domain's rules so that no code path can store a
-- ticket that breaks them; lengths are in characters, as the domain counts them.
CREATE TABLE tickets (
    id          uuid          PRIMARY KEY,
    title       varchar(191)  NOT NULL CHECK (length(title) >= 1),
    content     varchar(1024) NOT NULL CHECK (length(content) >= 1),
    status      text          NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE')),
    deadline    date          NOT NULL,
    bounty      bigint        NOT NULL CHECK (bounty >= 500),
    priority    text          NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    owner_id    uuid          NOT NULL,
    assignee_id uuid,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL
);

CREATE INDEX tickets_owner_id_idx ON tickets (owner_id);
CREATE INDEX tickets_created_at_idx ON tickets (created_at);
