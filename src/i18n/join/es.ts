// The sign-in interface's strings in Spanish, one message a line in the order of ../join.ts's KEYS.
export default `Tu usuario de Bluesky
Continuar
Cancelar
Iniciando sesión…
Sesión iniciada como {name}
Cerrar sesión
Se canceló el inicio de sesión; no se compartió nada.
No se pudo iniciar sesión: {reason}
Responder
Me gusta
Repostear
Tu respuesta
Publicar
Publicar sobre este artículo
Quedan {n}
Enviado: Bluesky lo mostrará en un momento.
En Bluesky
Tu sesión terminó: vuelve a iniciar sesión. Tu texto se conserva.
No se pudo contactar con tu servidor. Tu texto se conserva; inténtalo de nuevo.
Tu servidor no lo aceptó ({reason}). Tu texto se conserva.
El autor desactivó las respuestas en este hilo.
El autor limita quién puede responder; tu respuesta podría no mostrarse.
O la dirección de tu servidor, como https://bsky.social
No se completó el inicio de sesión. Inténtalo de nuevo.
Respondiendo a {name}
Escribe tu respuesta
Escribe una publicación`;
