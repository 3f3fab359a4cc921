-- Every saved state of an editorial item (site pages, news articles); the newest is the item's current text.
CREATE TABLE content_version (
    id         INTEGER        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       VARCHAR(32)    NOT NULL,
    item_id    VARCHAR(120)   NOT NULL,
    number     INTEGER        NOT NULL,
    author     VARCHAR(200)   NOT NULL,
    created_at TIMESTAMP      NOT NULL,
    title      VARCHAR(200)   NOT NULL,
    summary    VARCHAR(1000)  NOT NULL,
    body       VARCHAR(32000) NOT NULL,
    CONSTRAINT content_version_number UNIQUE (kind, item_id, number)
);
