-- Texts of the first start; the Redaktion edits them later in the portal.
INSERT INTO site_page (slug, title, body, updated_at) VALUES ('start', 'Willkommen',
'Seit dem 1. 1. 2005 ist in der Bundesrepublik Deutschland das Sozialgesetzbuch II („Grundsicherung für Arbeitssuchende“), auch bekannt als „Hartz IV“ in Kraft. Bundesweit nahmen ursprünglich 69 Kommunen – 63 Landkreise und sechs kreisfreie Städte – die Aufgaben des SGB II in alleiniger Trägerschaft, also ohne die Beteiligung der Agenturen für Arbeit und damit abweichend vom bisherigen Regelmodell der Arbeitsgemeinschaften (ARGEn) wahr. Die 69 Optionskommunen – zugelassene kommunale Träger nach § 6 a SGB II – haben sich seit Anfang 2006 unter dem Motto „Lernen von den Besten“ in einem gemeinsamen Benchmarking-Prozess zusammengeschlossen, um die eigenen Leistungsprozesse und ‑strukturen miteinander zu vergleichen und voneinander zu lernen.

Aus den ursprünglich 69 Optionskommunen sind zwischenzeitlich aufgrund von Gebietsreformen 67 Optionskommunen geworden.

Mit Wirkung ab dem 01.01.2012 werden weiter 41 Kommunen die Zulassung als kommunaler Träger der Grundsicherung für Arbeitssuchende erhalten – dann werden es 108 Optionskommunen sein. Eine Liste dieser neuen Optionskommunen sowie eine Karte mit den alten und neuen Optionskommunen finden Sie unter der Rubrik „Kommunen“.

An dieser Stelle wird regelmäßig über dieses Projekt informiert, als internes und externes Kommunikationsforum. Die Projektleitung hat die redaktionelle Verantwortung für diese Internetseite inne.

Die 67 Optionskommunen haben sich für das Benchmarkingprojekt in 7 Vergleichsringe aufgeteilt. Weitere Informationen über die Optionskommunen, Vergleichsringe, Berichte und anderes erhalten Sie auf dieser Seite.',
CURRENT_TIMESTAMP);

INSERT INTO site_page (slug, title, body, updated_at) VALUES ('impressum', 'Impressum',
'Dieses Portal ist das interne und externe Kommunikationsforum des Benchmarkings der Optionskommunen „Lernen von den Besten“.

Verantwortlich für den Inhalt ist die Projektleitung des Benchmarkings der Optionskommunen; sie hat die redaktionelle Verantwortung für diese Internetseite inne.

Anschrift, vertretungsberechtigte Personen und Kontaktdaten der Projektleitung werden von der Redaktion an dieser Stelle eingetragen, bevor das Portal öffentlich erreichbar ist.

Für die Inhalte verlinkter fremder Seiten sind ausschließlich deren Anbieter verantwortlich.',
CURRENT_TIMESTAMP);

INSERT INTO site_page (slug, title, body, updated_at) VALUES ('datenschutz', 'Datenschutz',
'Verantwortlich für die Verarbeitung personenbezogener Daten in diesem Portal ist die im Impressum genannte Projektleitung.

Beim Lesen der öffentlichen Seiten setzt das Portal keine Cookies und bindet keine Dienste, Schriften oder Skripte anderer Anbieter ein. Ihr Browser lädt alle Inhalte ausschließlich von diesem Server.

Der Server verarbeitet technisch notwendig Ihre IP-Adresse und die aufgerufene Adresse, um die Seite auszuliefern. Tritt dabei ein Fehler auf, wird die aufgerufene Adresse mit einer Fehlerkennung protokolliert, damit der Fehler behoben werden kann.

Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung Ihrer Daten sowie auf Widerspruch (Art. 15 bis 21 DSGVO) und können sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO).',
CURRENT_TIMESTAMP);

INSERT INTO site_page (slug, title, body, updated_at) VALUES ('barrierefreiheit', 'Erklärung zur Barrierefreiheit',
'Die Projektleitung ist bemüht, dieses Portal im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Maßstab sind die Erfolgskriterien der WCAG 2.1 auf der Stufe AA.

Jede Seite ist semantisches HTML, lässt sich ohne JavaScript und vollständig mit der Tastatur bedienen, bietet einen Link zum direkten Sprung zum Inhalt und passt sich an kleine Bildschirme und Vergrößerung an. Jede Seite wird bei jeder Änderung des Portals automatisch mit axe-core und dem Nu HTML Checker geprüft.

Diese Erklärung beruht auf diesen automatischen Prüfungen und einer Selbstbewertung. Eine Prüfung durch eine unabhängige Stelle steht noch aus.

Wenn Ihnen Barrieren auffallen oder Sie Inhalte in einer anderen Form benötigen, wenden Sie sich bitte an die im Impressum genannte Projektleitung.

Wird Ihr Anliegen nicht zufriedenstellend gelöst, können Sie sich an die Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen oder an die für Ihr Land zuständige Schlichtungs- bzw. Durchsetzungsstelle wenden.',
CURRENT_TIMESTAMP);
