-- Comments (DESIGN.md §7). The check repeats the domain's rule so that no code path can store a
-- comment that breaks it; lengths are in characters, as the domain counts them.
CREATE TABLE comments (
    id         uuid          PRIMARY KEY,
    ticket_id  uuid          NOT NULL,
    -- Null once the author's account is gone; the comment stays.
    author_id  uuid,
    content    varchar(1024) NOT NULL CHECK (length(content) >= 1),
    created_at timestamptz   NOT NULL,
    updated_at timestamptz   NOT NULL
);

-- A ticket's page of comments, newest first, and the deletion of a ticket's comments.
CREATE INDEX comments_ticket_newest_first_idx ON comments (ticket_id, created_at DESC, id DESC);
CREATE INDEX comments_author_id_idx ON comments (author_id);

-- The read model of ticket-service's tickets, fed by its events (and by direct questions to
-- ticket-service at version 0 for tickets whose event has not arrived yet). No foreign key from
-- comments: a deleted ticket's row stays as a tombstone, and its comments are deleted with it.
CREATE TABLE known_tickets (
    ticket_id uuid    PRIMARY KEY,
    owner_id  uuid    NOT NULL,
    version   bigint  NOT NULL CHECK (version >= 0),
    deleted   boolean NOT NULL
);
