INSERT INTO probe_note (id, body) VALUES (2, 'zweite Notiz');
