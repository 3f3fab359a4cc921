INSERT INTO test_note (id, text) VALUES (1, 'erste Notiz');
