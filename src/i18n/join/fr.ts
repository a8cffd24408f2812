// The sign-in interface's strings in French, one message a line in the order of ../join.ts's KEYS.
export default `Votre identifiant Bluesky
Continuer
Annuler
Connexion…
Connecté·e en tant que {name}
Se déconnecter
Connexion annulée ; rien n’a été partagé.
La connexion a échoué\u202f: {reason}
Répondre
J’aime
Republier
Votre réponse
Publier
Publier à propos de cet article
Encore {n}
Envoyé : Bluesky l’affichera dans un instant.
Sur Bluesky
Votre session a pris fin : reconnectez-vous. Votre texte est conservé.
Votre serveur est injoignable. Votre texte est conservé ; réessayez.
Votre serveur l’a refusé ({reason}). Votre texte est conservé.
L’auteur a désactivé les réponses à ce fil.
L’auteur limite qui peut répondre ; votre réponse pourrait ne pas s’afficher.
Ou l’adresse de votre serveur, par exemple https://bsky.social
La connexion n’a pas abouti. Réessayez.
En réponse à {name}
Écrivez votre réponse
Écrivez une publication`;
