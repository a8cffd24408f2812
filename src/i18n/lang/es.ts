// Interface strings in Spanish, one message a line in the order of messages.ts's KEYS, then view.ts's.
export default `Comentarios
Comentar en Bluesky
Buscando publicaciones…
Nadie ha hablado de esto en Bluesky todavía. ¡Inicia la conversación!
No se pudo cargar la conversación.
Reintentar
Buscar este artículo en Bluesky
Mostrar más
Responder en Bluesky
Publicación de {name}
Autor
La publicación citada no está disponible.
Ver el vídeo en Bluesky
Advertencia de contenido
Cita
Iniciar sesión con Bluesky
# publicación|# publicaciones
# respuesta|# respuestas
# republicación|# republicaciones
# me gusta
# respuesta más en Bluesky|# respuestas más en Bluesky
Ver # respuesta más|Ver # respuestas más
# cita|# citas
Continuar el hilo
Cerrar
Imagen anterior
Imagen siguiente
Imagen {n} de {count}
Reproducir vídeo
Cita esta publicación
Ordenar por
Destacadas
Recientes
Antiguas
Mostrar
Ocultar
etiquetado por {name}
Contenido para adultos
Contenido sugerente
Desnudez no sexual
Contenido gráfico`;
