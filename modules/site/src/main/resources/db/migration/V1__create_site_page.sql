-- The site's editable pages; the body is plain paragraphs separated by blank lines.
CREATE TABLE site_page (
    slug       VARCHAR(64)    NOT NULL PRIMARY KEY,
    title      VARCHAR(200)   NOT NULL,
    body       VARCHAR(32000) NOT NULL,
    updated_at TIMESTAMP      NOT NULL
);
