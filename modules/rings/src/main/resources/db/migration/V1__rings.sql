-- The comparison rings, membership per year and each ring's internal area. Portable SQL (Derby and PostgreSQL).
CREATE TABLE ring (
    id          VARCHAR(16)   NOT NULL PRIMARY KEY,
    number      INTEGER       NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(4000) NOT NULL,
    moderator   VARCHAR(1000) NOT NULL,
    CONSTRAINT ring_number UNIQUE (number)
);

-- One ring per municipality and year (member_year: YEAR is reserved in Derby); source says where a seeded row comes from (empty when assigned in the portal).
CREATE TABLE ring_membership (
    ring_id VARCHAR(16)  NOT NULL REFERENCES ring (id),
    ags     VARCHAR(5)   NOT NULL,
    member_year INTEGER    NOT NULL,
    source  VARCHAR(500) NOT NULL,
    demo    BOOLEAN      NOT NULL,
    PRIMARY KEY (ring_id, ags, member_year),
    CONSTRAINT ring_membership_one_ring UNIQUE (ags, member_year)
);

CREATE TABLE ring_announcement (
    id         INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ring_id    VARCHAR(16)   NOT NULL REFERENCES ring (id),
    title      VARCHAR(200)  NOT NULL,
    body       VARCHAR(8000) NOT NULL,
    author     VARCHAR(200)  NOT NULL,
    created_at TIMESTAMP     NOT NULL,
    demo       BOOLEAN       NOT NULL
);
CREATE INDEX ring_announcement_ring ON ring_announcement (ring_id, created_at);

CREATE TABLE ring_meeting (
    id           INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ring_id      VARCHAR(16)   NOT NULL REFERENCES ring (id),
    meeting_date DATE          NOT NULL,
    place        VARCHAR(300)  NOT NULL,
    agenda       VARCHAR(8000) NOT NULL,
    minutes      VARCHAR(8000) NOT NULL,
    demo         BOOLEAN       NOT NULL
);
CREATE INDEX ring_meeting_ring ON ring_meeting (ring_id, meeting_date);

CREATE TABLE ring_contact (
    id           INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ring_id      VARCHAR(16)  NOT NULL REFERENCES ring (id),
    ags          VARCHAR(5)   NOT NULL,
    name         VARCHAR(200) NOT NULL,
    role_title   VARCHAR(200) NOT NULL,
    email        VARCHAR(254) NOT NULL,
    phone        VARCHAR(50)  NOT NULL,
    demo         BOOLEAN      NOT NULL
);
CREATE INDEX ring_contact_ring ON ring_contact (ring_id, ags);

-- The seven rings of 2006-2011 (data/README: formed by settlement structure, BBR Kreistypen, and SGB II rate).
-- Only ring 4's name is documented; the others keep their number until the Redaktion names them.
INSERT INTO ring (id, number, name, description, moderator) VALUES
    ('1', 1, 'Vergleichsring 1', 'Einer der sieben Vergleichsringe der Optionskommunen (2006–2011), gebildet nach Siedlungsstruktur (BBR-Kreistypen) und SGB-II-Quote. Name und Mitglieder sind in den Quellen nicht belegt.', ''),
    ('2', 2, 'Vergleichsring 2', 'Einer der sieben Vergleichsringe der Optionskommunen (2006–2011), gebildet nach Siedlungsstruktur (BBR-Kreistypen) und SGB-II-Quote. Name und Mitglieder sind in den Quellen nicht belegt.', ''),
    ('3', 3, 'Vergleichsring 3', 'Einer der sieben Vergleichsringe der Optionskommunen (2006–2011), gebildet nach Siedlungsstruktur (BBR-Kreistypen) und SGB-II-Quote. Name und Mitglieder sind in den Quellen nicht belegt.', ''),
    ('4', 4, 'Vergleichsring 4: verdichtete Kreise', 'Vergleichsring der verdichteten Kreise (2006–2011) mit 12 Mitgliedern; namentlich belegt sind Kreis Coesfeld, Kreis Borken, Kreis Steinfurt und Landkreis Würzburg.', ''),
    ('5', 5, 'Vergleichsring 5', 'Einer der sieben Vergleichsringe der Optionskommunen (2006–2011), gebildet nach Siedlungsstruktur (BBR-Kreistypen) und SGB-II-Quote. Name und Mitglieder sind in den Quellen nicht belegt.', ''),
    ('6', 6, 'Vergleichsring 6', 'Einer der sieben Vergleichsringe der Optionskommunen (2006–2011), gebildet nach Siedlungsstruktur (BBR-Kreistypen) und SGB-II-Quote. Name und Mitglieder sind in den Quellen nicht belegt.', ''),
    ('7', 7, 'Vergleichsring 7', 'Einer der sieben Vergleichsringe der Optionskommunen (2006–2011), gebildet nach Siedlungsstruktur (BBR-Kreistypen) und SGB-II-Quote. Name und Mitglieder sind in den Quellen nicht belegt.', '');

-- The only documented memberships. The sources name the members without saying for which years; they are recorded
-- for 2011, the rings' last year and the date of the Würzburg source. Administrators add other years.
INSERT INTO ring_membership (ring_id, ags, member_year, source, demo) VALUES
    ('4', '05554', 2011, 'Kreis Coesfeld, Sitzungsvorlage SV-7-0669; Landkreis Würzburg, 10.08.2011', FALSE),
    ('4', '05558', 2011, 'Kreis Coesfeld, Sitzungsvorlage SV-7-0669; Landkreis Würzburg, 10.08.2011', FALSE),
    ('4', '05566', 2011, 'Kreis Coesfeld, Sitzungsvorlage SV-7-0669; Landkreis Würzburg, 10.08.2011', FALSE),
    ('4', '09679', 2011, 'Kreis Coesfeld, Sitzungsvorlage SV-7-0669; Landkreis Würzburg, 10.08.2011', FALSE);
