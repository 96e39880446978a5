-- service-web's own tables, migrated with their own history table beside the service's.

-- Sessions that ended (app/auth.session-ended), kept until their last access token expires.
CREATE TABLE service_web.ended_sessions (
  session_id uuid PRIMARY KEY,
  keep_until timestamptz NOT NULL
);
CREATE INDEX ended_sessions_keep_until ON service_web.ended_sessions (keep_until);

-- First answers to POSTs carrying an Idempotency-Key, replayed for 24 hours.
CREATE TABLE service_web.idempotent_requests (
  caller_id uuid NOT NULL,
  operation text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  location text,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (caller_id, operation, idempotency_key)
);
CREATE INDEX idempotent_requests_created_at ON service_web.idempotent_requests (created_at);
