-- News articles. The URL /aktuelles/<url_year>/<slug> is fixed when the article is created and never changes.
CREATE TABLE news_article (
    id           INTEGER        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url_year     INTEGER        NOT NULL,
    slug         VARCHAR(100)   NOT NULL,
    title        VARCHAR(200)   NOT NULL,
    teaser       VARCHAR(1000)  NOT NULL,
    body         VARCHAR(32000) NOT NULL,
    author       VARCHAR(200)   NOT NULL,
    author_user  VARCHAR(100)   NOT NULL,
    status       VARCHAR(16)    NOT NULL,
    published_at TIMESTAMP      NOT NULL,
    updated_at   TIMESTAMP      NOT NULL,
    CONSTRAINT news_article_url UNIQUE (url_year, slug)
);
CREATE INDEX news_article_published ON news_article (status, published_at, id);

-- The rings an article is for; an article without rows here is public.
CREATE TABLE news_audience (
    article_id INTEGER     NOT NULL REFERENCES news_article (id) ON DELETE CASCADE,
    ring_id    VARCHAR(32) NOT NULL,
    PRIMARY KEY (article_id, ring_id)
);
CREATE INDEX news_audience_ring ON news_audience (ring_id);
