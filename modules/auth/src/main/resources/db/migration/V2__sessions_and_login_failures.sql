-- Login sessions and failed-login counters, in the database so that a restart (or another node) keeps everybody
-- logged in and a lock cannot be escaped by restarting. Portable SQL (Derby and PostgreSQL).

-- A session is named by the SHA-256 (hex) of its random 256-bit id; the id itself is only in the browser's cookie.
-- last_seen is written at most once a minute per session (SessionStore), so pages need not write on every request.
CREATE TABLE auth_session (
    id_hash     VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id  INTEGER     NOT NULL REFERENCES auth_account (id),
    created_at  TIMESTAMP   NOT NULL,
    last_seen   TIMESTAMP   NOT NULL
);
CREATE INDEX auth_session_account ON auth_session (account_id);
CREATE INDEX auth_session_last_seen ON auth_session (last_seen);

-- Failed logins of one user name (kind 'user', known or not) or one client address (kind 'client'): the count, when
-- its window began (client addresses), the last failure, and the end of a running lock (user names).
CREATE TABLE auth_login_failure (
    kind          VARCHAR(6)  NOT NULL,
    login_key     VARCHAR(64) NOT NULL,
    failures      INTEGER     NOT NULL,
    window_start  TIMESTAMP   NOT NULL,
    last_failure  TIMESTAMP   NOT NULL,
    locked_until  TIMESTAMP,
    PRIMARY KEY (kind, login_key)
);
