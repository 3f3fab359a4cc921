-- Accounts, their roles, one-time password reset links and the audit log. Portable SQL (Derby and PostgreSQL).
CREATE TABLE auth_account (
    id              INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name       VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(254),
    municipality    VARCHAR(5),
    password_hash   VARCHAR(400) NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    failed_logins   INTEGER      NOT NULL,
    locked_until    TIMESTAMP,
    created_at      TIMESTAMP    NOT NULL,
    updated_at      TIMESTAMP    NOT NULL,
    CONSTRAINT auth_account_user_name UNIQUE (user_name)
);

CREATE TABLE auth_account_role (
    account_id INTEGER     NOT NULL REFERENCES auth_account (id),
    role       VARCHAR(32) NOT NULL,
    PRIMARY KEY (account_id, role)
);

CREATE TABLE auth_reset_token (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id  INTEGER     NOT NULL REFERENCES auth_account (id),
    expires_at  TIMESTAMP   NOT NULL,
    used_at     TIMESTAMP
);

CREATE TABLE auth_audit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMP    NOT NULL,
    event       VARCHAR(32)  NOT NULL,
    actor       VARCHAR(64),
    subject     VARCHAR(64),
    client      VARCHAR(64),
    detail      VARCHAR(500)
);
CREATE INDEX auth_audit_occurred_at ON auth_audit (occurred_at);
