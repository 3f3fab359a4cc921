-- The registry of the Optionskommunen: one row per unit (an Optionskommune, or a pre-reform Kreis that was one
-- before it merged). NULL means "the sources do not say" and is shown as "unbekannt", never filled in.
CREATE TABLE muni_municipality (
    ags           VARCHAR(5)    NOT NULL PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    type          VARCHAR(40)   NOT NULL,
    state         VARCHAR(60)   NOT NULL,
    admitted_year INTEGER,
    since_date    DATE,
    until_date    DATE,
    successor_ags VARCHAR(5),
    komtrzv_2012  BOOLEAN,
    area_note     VARCHAR(1000),
    former_names  VARCHAR(1000),
    evidence      VARCHAR(20),
    source        VARCHAR(2000),
    updated_at    TIMESTAMP     NOT NULL
);

-- What editors changed, newest last: the history shown on each detail page besides the seed's facts.
CREATE TABLE muni_change (
    id         INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ags        VARCHAR(5)    NOT NULL,
    changed_at TIMESTAMP     NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    detail     VARCHAR(1000) NOT NULL,
    actor      VARCHAR(64)   NOT NULL
);

CREATE INDEX muni_change_ags ON muni_change (ags);
