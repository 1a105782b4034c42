# Grupos de apoyo: el directorio, unirse, las páginas de un grupo y los avisos.

groups-title = Grupos de apoyo
groups-lead = Grupos donde sus miembros comparten sus luchas y sus logros, escuchan y se responden. Lo que se escribe en un grupo se queda en el grupo: solo sus miembros pueden leerlo.
groups-start = Crear un grupo
groups-mine = Tus grupos
groups-find = Buscar un grupo
groups-search-text = Palabras del nombre o la descripción
groups-search-tag = Enfoque
groups-search-any-tag = Cualquier enfoque
groups-search-submit = Buscar
groups-none-found = Todavía no hay ningún grupo que coincida. Podrías crear uno.
groups-more = Más grupos
groups-member-count = { $count ->
    [one] 1 miembro
   *[other] { $count } miembros
}

group-kind-open = Abierto
group-kind-open-hint = aparece en el directorio; cualquier persona con sesión puede unirse.
group-kind-request = Con solicitud
group-kind-request-hint = aparece en el directorio; quienes facilitan dejan entrar a las personas.
group-kind-hidden = Oculto
group-kind-hidden-hint = no aparece en el directorio; solo se entra con un enlace de invitación.

group-tag-alcohol = Alcohol
group-tag-drugs = Drogas
group-tag-gambling = Juego
group-tag-family_friends = Familia y amistades
group-tag-grief = Duelo
group-tag-mental_health = Salud mental
group-tag-other = Otro

group-role-owner = Propietario
group-role-facilitator = Facilitador
group-role-member = Miembro

group-new-title = Crear un grupo
group-new-lead = Un grupo es una sala pequeña y segura. Di para quién es y cómo funciona; podrás cambiarlo todo más adelante.
group-new-submit = Crear el grupo
group-form-problems = Hay algo que revisar. Las notas de abajo dicen qué.
group-field-name = Nombre
group-field-description = Para qué es el grupo
group-field-kind = Quién puede encontrarlo y unirse
group-field-tags = Enfoque
group-field-language = Idioma (un código como en o es)
group-field-norms = Normas
group-field-norms-hint = El acuerdo del grupo: todas las personas lo aceptan al unirse. Puedes usar Markdown sencillo.
group-norms-default =
    - **Lo que se comparte aquí, se queda aquí.** No repitas lo que leas a nadie fuera del grupo.
    - **Sin diálogo cruzado.** Habla desde tu experiencia; no comentes ni corrijas lo que comparte otra persona.
    - **Sin consejos si no se piden.** Una pregunta marcada como "preguntar al grupo" es una invitación; si no, solo escucha.
    - **Con amabilidad.** Sin avergonzar, sin juzgar, sin presionar.
    - **Si estás en peligro, busca ayuda ya.** El enlace "Ayuda ahora" está en todas las páginas.

group-input-too-short = Necesita al menos { $min } caracteres.
group-input-too-long = Puede tener como máximo { $max } caracteres.
group-input-empty = No puede quedar vacío.
group-input-control = No puede tener saltos de línea ni tabuladores.
group-input-kind = Elige abierto, con solicitud u oculto.
group-input-tag = Hearth no conoce ese enfoque.
group-input-language = Un idioma es un código de dos o tres letras, como en o es.
group-input-share-kind = Elige compartir, una pregunta o una celebración.
group-input-support-kind = Esa no es una de las respuestas que ofrece Hearth.

group-norms-heading = Normas
group-norms-version = Versión { $version }
group-norms-agreed-at = Aceptaste estas normas el { $when }.
group-agree-label = He leído estas normas y las acepto.
group-agree-submit = Aceptar
group-join = Unirme al grupo
group-ask-to-join = Pedir unirme
group-go-in = Ir al grupo
group-request-waiting = Has pedido unirte. Una persona facilitadora verá tu solicitud pronto.
group-sign-in-to-join = Inicia sesión para unirte a este grupo.
group-join-must-agree = Para unirte, marca la casilla para decir que aceptas las normas.
group-join-norms-changed = Las normas cambiaron mientras las leías. Por favor, léelas de nuevo.
group-join-removed = Una persona facilitadora te ha pedido que te apartes de este grupo, así que no puedes volver a unirte desde aquí. Si crees que es un error, quien facilita puede enviarte una invitación.
group-invite-unusable = Este enlace de invitación ha caducado o ya se ha usado. Pide uno nuevo a quien te lo envió.
group-norms-changed-banner = Las normas del grupo han cambiado. Por favor, léelas de nuevo antes de publicar.
group-norms-read-and-agree = Leer las normas
group-must-agree-first = Por favor, lee y acepta las normas del grupo antes de publicar.
group-muted = Una persona facilitadora ha pausado tus publicaciones en este grupo por ahora. Puedes seguir leyendo.
group-owner-cannot-leave = Este grupo es tuyo. Pásaselo a otro miembro antes de salir.

group-nav-label = Grupo
group-members-heading = Miembros
group-manage-link = Facilitar
group-leave = Salir de este grupo
group-write-heading = Compartir con el grupo
group-share-kind-label = Qué tipo de publicación
group-share-kind-share = Compartir
group-share-kind-question = Preguntar al grupo
group-share-kind-celebration = Celebración
group-share-title = Título
group-share-body = ¿Qué te gustaría compartir?
group-markdown-hint = Puedes usar *énfasis*, **negrita**, listas y > citas.
group-post-anonymously = Publicar como "un miembro" (el grupo no verá tu nombre)
group-share-submit = Compartir
group-threads-heading = Conversaciones
group-no-threads = Todavía no se ha compartido nada. Podrías ser la primera persona.
group-unread = Nuevo
group-pinned = Fijado
group-locked = Cerrado a respuestas
group-reply-count = { $count ->
    [0] sin respuestas todavía
    [one] 1 respuesta
   *[other] { $count } respuestas
}
group-older-threads = Conversaciones anteriores
group-author-a-member = Un miembro
group-author-you-anonymously = Tú (los demás ven "un miembro")

group-thread-title = Algo compartido
group-replies-heading = Respuestas
group-no-replies = Todavía no hay respuestas.
group-more-replies = Más respuestas
group-helped-me = Esto ayudó a quien preguntó
group-mark-helpful = Esto me ayudó
group-not-helpful = Quitar "me ayudó"
group-quoting = Cita una publicación anterior
group-quote = Citar
group-reply-heading = Responder
group-reply-body = Tu respuesta
group-reply-submit = Responder
group-thread-locked = Esta conversación está cerrada a nuevas respuestas.
group-moderation-label = Herramientas de facilitación
group-pin = Fijar
group-unpin = Dejar de fijar
group-lock = Cerrar a respuestas
group-unlock = Abrir a respuestas
group-reveal-link = ¿Quién escribió esto? (queda en el registro de auditoría)
group-remove-post = Retirar
group-remove-reason = Por qué (queda en el registro de auditoría)

group-support-thank_you = Gracias por compartir
group-support-me_too = A mí también
group-support-sending_strength = Te mando fuerza
group-support-proud_of_you = Orgullo de ti

notifications-title = Avisos
notifications-none = Nada nuevo. Cuando alguien te responda o te mencione, aparecerá aquí.
notifications-mark-all-read = Marcar todo como leído
notifications-mark-read = Marcar como leído
notifications-new = Nuevo
notifications-older = Avisos anteriores
notification-reply = { $who } respondió a lo que compartiste en { $group }.
notification-mention = { $who } te mencionó en { $group }.
notification-approved = Te han dado la bienvenida a { $group }.
notification-norms-changed = Las normas de { $group } han cambiado. Por favor, léelas de nuevo.
notification-crisis = Alguien en { $group } puede necesitar apoyo ahora. Revisa la cola de moderación.
notification-report-closed = Una persona facilitadora de { $group } revisó tu reporte. Mira lo que decidió.
notification-warning = Una persona facilitadora de { $group } te envió una nota sobre las normas del grupo.
