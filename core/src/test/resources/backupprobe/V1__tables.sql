-- the backup tests' own schema: an identity column, a foreign key and every kind of value the backup encodes
CREATE TABLE bp_parent (
    id         INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(100)  NOT NULL,
    body       ${large_text},
    data       BLOB,
    amount     DECIMAL(12, 2),
    ratio      DOUBLE,
    active     BOOLEAN       NOT NULL,
    due_on     DATE,
    created_at TIMESTAMP
);
CREATE TABLE bp_child (
    id        INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id INTEGER NOT NULL REFERENCES bp_parent (id),
    seq       INTEGER NOT NULL
);
INSERT INTO bp_parent (name, active) VALUES ('von der Migration angelegt', TRUE);
