// Interface strings in Portuguese (Brazil), one message a line in the order of messages.ts's KEYS, then view.ts's.
export default `Comentários
Comentar no Bluesky
Buscando posts…
Ninguém falou sobre isto no Bluesky ainda. Comece a conversa!
Não foi possível carregar a conversa.
Tentar novamente
Buscar este artigo no Bluesky
Mostrar mais
Responder no Bluesky
Post de {name}
Autor
O post citado não está disponível.
Assistir ao vídeo no Bluesky
Aviso de conteúdo
Citação
Entrar com o Bluesky
# post|# posts
# resposta|# respostas
# repost|# reposts
# curtida|# curtidas
Mais # resposta no Bluesky|Mais # respostas no Bluesky
Ver mais # resposta|Ver mais # respostas
# citação|# citações
Continuar a conversa
Fechar
Imagem anterior
Próxima imagem
Imagem {n} de {count}
Reproduzir vídeo
Cita esta publicação
Ordenar por
Destaques
Mais recentes
Mais antigas
Mostrar
Ocultar
rotulado por {name}
Conteúdo adulto
Conteúdo sugestivo
Nudez não sexual
Mídia explícita`;
