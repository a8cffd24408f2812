// The sign-in interface's strings in German, one message a line in the order of ../join.ts's KEYS.
export default `Dein Bluesky-Handle
Weiter
Abbrechen
Anmeldung…
Angemeldet als {name}
Abmelden
Anmeldung abgebrochen; nichts wurde geteilt.
Anmeldung fehlgeschlagen: {reason}
Antworten
Gefällt mir
Reposten
Deine Antwort
Posten
Über diesen Artikel posten
Noch {n}
Gesendet: Bluesky zeigt es gleich an.
Auf Bluesky
Deine Sitzung ist abgelaufen: melde dich erneut an. Dein Text bleibt erhalten.
Dein Server ist nicht erreichbar. Dein Text bleibt erhalten; versuche es erneut.
Dein Server hat es abgelehnt ({reason}). Dein Text bleibt erhalten.
Der Autor hat Antworten in diesem Thread deaktiviert.
Der Autor beschränkt, wer antworten darf; deine Antwort wird eventuell nicht angezeigt.
Oder die Adresse deines Servers, etwa https://bsky.social
Die Anmeldung wurde nicht abgeschlossen. Versuche es erneut.
Antwort an {name}
Schreib deine Antwort
Schreib einen Beitrag`;
