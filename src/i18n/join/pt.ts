// The sign-in interface's strings in Portuguese (Brazil), one message a line in the order of ../join.ts's KEYS.
export default `Seu identificador no Bluesky
Continuar
Cancelar
Entrando…
Conectado como {name}
Sair
O login foi cancelado; nada foi compartilhado.
Não foi possível entrar: {reason}
Responder
Curtir
Repostar
Sua resposta
Publicar
Publicar sobre este artigo
Restam {n}
Enviado: o Bluesky vai mostrar em instantes.
No Bluesky
Sua sessão terminou: entre novamente. Seu texto foi mantido.
Não foi possível contatar seu servidor. Seu texto foi mantido; tente de novo.
Seu servidor não aceitou ({reason}). Seu texto foi mantido.
O autor desativou as respostas neste fio.
O autor limita quem pode responder; sua resposta pode não aparecer.
Ou o endereço do seu servidor, como https://bsky.social
O login não foi concluído. Tente de novo.
Respondendo a {name}
Escreva sua resposta
Escreva uma publicação`;
