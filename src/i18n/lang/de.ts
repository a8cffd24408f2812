// Interface strings in German, one message a line in the order of messages.ts's KEYS, then view.ts's.
export default `Kommentare
Auf Bluesky diskutieren
Beiträge werden gesucht…
Noch hat niemand auf Bluesky über diesen Artikel gesprochen. Beginne die Unterhaltung!
Die Diskussion konnte nicht geladen werden.
Erneut versuchen
Diesen Artikel auf Bluesky suchen
Mehr anzeigen
Auf Bluesky antworten
Beitrag von {name}
Autor
Der zitierte Beitrag ist nicht verfügbar.
Video auf Bluesky ansehen
Inhaltswarnung
Zitat
Mit Bluesky anmelden
# Beitrag|# Beiträge
# Antwort|# Antworten
# Repost|# Reposts
# Like|# Likes
# weitere Antwort auf Bluesky|# weitere Antworten auf Bluesky
# weitere Antwort zeigen|# weitere Antworten zeigen
# Zitat|# Zitate
Thread fortsetzen
Schließen
Vorheriges Bild
Nächstes Bild
Bild {n} von {count}
Video abspielen
Zitiert diesen Beitrag
Sortieren nach
Top
Neueste
Älteste
Anzeigen
Ausblenden
markiert von {name}
Inhalte für Erwachsene
Anzügliche Inhalte
Nicht-sexuelle Nacktheit
Drastische Inhalte`;
