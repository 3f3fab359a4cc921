-- Pages become editable in Markdown. The texts seeded by V1-V3 are plain paragraphs: they keep format 'text' and
-- render exactly as before until an editor saves them, which stores Markdown. Pages the Redaktion creates have a
-- menu entry (label, position) and live under /seiten/<slug>; the four built-in pages have none here.
ALTER TABLE site_page ADD COLUMN format VARCHAR(16) DEFAULT 'text' NOT NULL;
ALTER TABLE site_page ADD COLUMN menu_label VARCHAR(60);
ALTER TABLE site_page ADD COLUMN menu_order INTEGER;
