-- Ringtreffen and project events. ring_id NULL means a public event. Portable SQL (Derby and PostgreSQL).
-- The tables outlive the bundle: uninstalling the module keeps them, a later reinstall finds its events again.
CREATE TABLE events_event (
    id          INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title       VARCHAR(200)  NOT NULL,
    starts_at   TIMESTAMP     NOT NULL,
    ends_at     TIMESTAMP     NOT NULL,
    place       VARCHAR(200)  NOT NULL,
    ring_id     VARCHAR(32),
    agenda      VARCHAR(4000) NOT NULL,
    created_by  VARCHAR(64),
    created_at  TIMESTAMP     NOT NULL
);
CREATE INDEX events_event_starts_at ON events_event (starts_at);
