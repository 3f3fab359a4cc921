-- The login box (accounts module) brings two technically necessary cookies; the privacy statement names them.
UPDATE site_page SET body = 'Verantwortlich für die Verarbeitung personenbezogener Daten in diesem Portal ist die im Impressum genannte Projektleitung.

Das Portal bindet keine Dienste, Schriften oder Skripte anderer Anbieter ein. Ihr Browser lädt alle Inhalte ausschließlich von diesem Server.

Das Portal setzt nur technisch notwendige Cookies (Art. 6 Abs. 1 lit. f DSGVO, § 25 Abs. 2 Nr. 2 TDDDG): „rp_csrf“ schützt Formulare wie das Anmeldeformular vor Missbrauch durch fremde Seiten und wird beim Schließen des Browsers gelöscht; „rp_session“ wird erst bei der Anmeldung gesetzt und hält Ihre Anmeldung, bis Sie sich abmelden oder die Sitzung abläuft.

Der Server verarbeitet technisch notwendig Ihre IP-Adresse und die aufgerufene Adresse, um die Seite auszuliefern. Tritt dabei ein Fehler auf, wird die aufgerufene Adresse mit einer Fehlerkennung protokolliert, damit der Fehler behoben werden kann. Anmeldungen, Abmeldungen und fehlgeschlagene Anmeldeversuche werden mit Zeitpunkt, Benutzername und IP-Adresse protokolliert, um die Konten vor Missbrauch zu schützen.

Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung Ihrer Daten sowie auf Widerspruch (Art. 15 bis 21 DSGVO) und können sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO).',
updated_at = CURRENT_TIMESTAMP WHERE slug = 'datenschutz';
