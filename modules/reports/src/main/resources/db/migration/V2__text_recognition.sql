-- The text of a PDF version is recognised after the upload, off the request thread: 'P' while it is pending, 'D'
-- once it is done (with or without text). The state is written with the version itself, so a restart finds and
-- queues again what was not done. Versions filed before were recognised on upload: they are done.
ALTER TABLE reports_version ADD COLUMN text_state CHAR(1) DEFAULT 'D' NOT NULL;
