-- a module's first script, as modules write them: standard SQL and core's placeholder for long text
CREATE TABLE probe_note (
    id INTEGER NOT NULL PRIMARY KEY,
    body ${large_text} NOT NULL
);
INSERT INTO probe_note (id, body) VALUES (1, 'erste Notiz; mit Semikolon');
