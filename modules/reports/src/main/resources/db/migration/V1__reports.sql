CREATE TABLE reports_report (
    id              INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title           VARCHAR(200) NOT NULL,
    report_year     INTEGER NOT NULL,
    description     VARCHAR(4000) NOT NULL,
    release_at      TIMESTAMP,
    current_version INTEGER NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    created_by      VARCHAR(100) NOT NULL
);

CREATE TABLE reports_ring (
    report_id INTEGER NOT NULL REFERENCES reports_report (id),
    ring_id   VARCHAR(20) NOT NULL,
    PRIMARY KEY (report_id, ring_id)
);

CREATE TABLE reports_version (
    report_id    INTEGER NOT NULL REFERENCES reports_report (id),
    version      INTEGER NOT NULL,
    sha256       CHAR(64) NOT NULL,
    byte_size    BIGINT NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    file_type    VARCHAR(10) NOT NULL,
    uploaded_at  TIMESTAMP NOT NULL,
    uploaded_by  VARCHAR(100) NOT NULL,
    text_content ${large_text},
    PRIMARY KEY (report_id, version)
);

CREATE INDEX reports_version_sha256 ON reports_version (sha256);

CREATE TABLE reports_download (
    id            INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id     INTEGER NOT NULL REFERENCES reports_report (id),
    version       INTEGER NOT NULL,
    user_name     VARCHAR(100) NOT NULL,
    downloaded_at TIMESTAMP NOT NULL
);

CREATE INDEX reports_download_report ON reports_download (report_id, downloaded_at);
