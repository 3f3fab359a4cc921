-- Rollback points: before each change on the Erweiterungen page, the set of installed bundles (symbolic name,
-- version, location, state and the archived file it can be restored from). Portable SQL (Derby and PostgreSQL).
CREATE TABLE admin_snapshot (
    id          INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    taken_at    TIMESTAMP    NOT NULL,
    actor       VARCHAR(64),
    reason      VARCHAR(300) NOT NULL
);

CREATE TABLE admin_snapshot_bundle (
    snapshot_id   INTEGER       NOT NULL REFERENCES admin_snapshot (id),
    symbolic_name VARCHAR(255)  NOT NULL,
    version       VARCHAR(100)  NOT NULL,
    location      VARCHAR(1000) NOT NULL,
    active        BOOLEAN       NOT NULL,
    archive_file  VARCHAR(300),
    PRIMARY KEY (snapshot_id, symbolic_name)
);

-- The archived jar of each bundle version this page installed or saved before changing it, by file name.
CREATE TABLE admin_archive (
    symbolic_name VARCHAR(255) NOT NULL,
    version       VARCHAR(100) NOT NULL,
    archive_file  VARCHAR(300) NOT NULL,
    PRIMARY KEY (symbolic_name, version)
);
