-- The catalogue: one row per key figure (Kennzahl).
CREATE TABLE kf_figure (
    code        VARCHAR(16)   NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    goal        VARCHAR(200)  NOT NULL,
    numerator   VARCHAR(500)  NOT NULL,
    denominator VARCHAR(500)  NOT NULL,
    unit        VARCHAR(40)   NOT NULL,
    better      VARCHAR(8)    NOT NULL,
    period      VARCHAR(8)    NOT NULL,
    source      VARCHAR(500)  NOT NULL,
    kind        VARCHAR(8)    NOT NULL,
    factor      DOUBLE PRECISION NOT NULL,
    min_value   DOUBLE PRECISION NOT NULL,
    max_value   DOUBLE PRECISION NOT NULL,
    sort_order  INTEGER       NOT NULL
);

-- One value of one municipality (AGS) for one figure and period ("2024" or "2024-12"); a draft until released.
CREATE TABLE kf_value (
    id          BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ags         VARCHAR(5)    NOT NULL,
    figure_code VARCHAR(16)   NOT NULL REFERENCES kf_figure (code),
    period      VARCHAR(7)    NOT NULL,
    period_year INTEGER       NOT NULL,
    numerator   DOUBLE PRECISION,
    denominator DOUBLE PRECISION,
    val         DOUBLE PRECISION NOT NULL,
    note        VARCHAR(1000),
    released    BOOLEAN       NOT NULL,
    released_by VARCHAR(100),
    released_at TIMESTAMP,
    synthetic   BOOLEAN       NOT NULL,
    changed_by  VARCHAR(100)  NOT NULL,
    changed_at  TIMESTAMP     NOT NULL,
    CONSTRAINT kf_value_unique UNIQUE (ags, figure_code, period)
);
CREATE INDEX kf_value_compare ON kf_value (figure_code, period, released);
CREATE INDEX kf_value_year ON kf_value (ags, period_year);

-- Every change of a value: who, when, the value before and after.
CREATE TABLE kf_history (
    id          BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ags         VARCHAR(5)    NOT NULL,
    figure_code VARCHAR(16)   NOT NULL,
    period      VARCHAR(7)    NOT NULL,
    old_value   DOUBLE PRECISION,
    new_value   DOUBLE PRECISION NOT NULL,
    note        VARCHAR(1000),
    changed_by  VARCHAR(100)  NOT NULL,
    changed_at  TIMESTAMP     NOT NULL,
    source      VARCHAR(20)   NOT NULL
);
CREATE INDEX kf_history_ags ON kf_history (ags, period, changed_at);
