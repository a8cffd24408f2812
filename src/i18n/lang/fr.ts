// Interface strings in French, one message a line in the order of messages.ts's KEYS, then view.ts's.
export default `Commentaires
Discuter sur Bluesky
Recherche de publications…
Personne n’a encore parlé de cet article sur Bluesky. Lancez la conversation\u202f!
Impossible de charger la discussion.
Réessayer
Rechercher cet article sur Bluesky
Afficher plus
Répondre sur Bluesky
Publication de {name}
Auteur
La publication citée n’est pas disponible.
Voir la vidéo sur Bluesky
Avertissement de contenu
Citation
Se connecter avec Bluesky
# publication|# publications
# réponse|# réponses
# republication|# republications
# j’aime
# autre réponse sur Bluesky|# autres réponses sur Bluesky
Voir # réponse de plus|Voir # réponses de plus
# citation|# citations
Continuer le fil
Fermer
Image précédente
Image suivante
Image {n} sur {count}
Lire la vidéo
Cite ce post
Trier par
Populaires
Récents
Anciens
Afficher
Masquer
étiqueté par {name}
Contenu pour adultes
Contenu suggestif
Nudité non sexuelle
Contenu choquant`;
