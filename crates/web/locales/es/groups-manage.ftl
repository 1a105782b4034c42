# Herramientas de facilitación: dejar entrar, invitaciones, miembros, ajustes,
# normas, moderación y el registro de auditoría.

manage-title = Facilitar
manage-lead = Las herramientas para cuidar este espacio: quién entra, quién ayuda a llevarlo y qué acuerda el grupo. Cada retirada, pausa y consulta queda escrita en el registro de auditoría, al final de esta página.
manage-problems = No se ha cambiado nada. Hay que revisar esto:
manage-sections = Secciones

manage-requests-heading = Piden unirse
manage-requests-none = Nadie está esperando para entrar.
manage-request-asked = lo pidió el { $when }
manage-approve = Dejar entrar
manage-decline = Rechazar

manage-invites-heading = Enlaces de invitación
manage-invites-lead = Quien tenga un enlace puede leer las normas y unirse, aunque el grupo esté oculto. Comparte cada enlace solo con la persona a la que va dirigido.
manage-invite-days = Días que funciona el enlace
manage-invite-max-uses = Cuántas personas pueden usarlo
manage-invite-max-uses-hint = Déjalo vacío para no poner límite.
manage-invite-submit = Crear un enlace
manage-invite-created = Tu nuevo enlace de invitación está listo.
manage-invite-link = Enlace de invitación
manage-invite-once = Cópialo ahora: solo se muestra esta vez. Hearth no guarda ninguna copia que pueda volver a mostrar.
manage-invites-none = Todavía no hay enlaces de invitación.
manage-invite-made = Creado
manage-invite-expires = Funciona hasta
manage-invite-uses-heading = Usos
manage-invite-status = Estado
manage-invite-actions = Cambiar
manage-invite-uses = { $uses ->
    [0] sin usar todavía
    [one] usado una vez
   *[other] usado { $uses } veces
}
manage-invite-uses-of = { $uses } de { $max }
manage-invite-active = Funciona
manage-invite-expired = Caducado
manage-invite-used-up = Agotado
manage-invite-revoked = Desactivado
manage-invite-revoke = Desactivar
manage-invite-days-range = Un enlace de invitación puede funcionar de 1 a { $max } días.
manage-invite-max-uses-range = El número de personas puede ir de 1 a { $max }, o déjalo vacío para no poner límite.

manage-members-heading = Miembros
manage-members-lead = Quien es propietario y quienes facilitan cuidan del grupo. Una persona facilitadora puede pausar o retirar miembros; solo el propietario elige a quienes facilitan o pasa el grupo a otra persona.
manage-member-you = tú
manage-muted-until = publicaciones pausadas hasta el { $when }
manage-make-facilitator = Hacer facilitador
manage-make-member = Volver a hacer miembro
manage-moderate = Pausar o retirar
manage-reason = Por qué (queda en el registro de auditoría)
manage-mute-days = Días de pausa
manage-mute-hint = Durante la pausa puede seguir leyendo, pero no publicar, responder ni reaccionar.
manage-mute-submit = Pausar sus publicaciones
manage-mute-days-range = Una pausa puede durar de 1 a { $max } días.
manage-remove-hint = Dejará de ver el grupo. Para volver a un grupo oculto necesitará una nueva invitación.
manage-remove-submit = Retirar del grupo
manage-reason-missing = Por favor, di por qué. El motivo queda en el registro de auditoría del grupo.
manage-reason-too-long = Por favor, escribe el motivo en { $max } caracteres como máximo.
manage-role-unknown = Elige facilitador o miembro.
manage-transfer-heading = Pasar el grupo a otra persona
manage-transfer-lead = La persona que elijas pasa a ser propietaria. Tú sigues como facilitador y, si quieres, después puedes salir.
manage-transfer-to = Nuevo propietario
manage-transfer-confirm = Quiero pasar este grupo a otra persona.
manage-transfer-submit = Pasar el grupo
manage-transfer-unknown = Elige a otro miembro del grupo para pasárselo.

manage-settings-heading = Ajustes del grupo
manage-settings-submit = Guardar los ajustes

manage-norms-heading = Normas
manage-norms-version = Ahora en la versión { $version }.
manage-norms-label = Las normas del grupo
manage-norms-hint = Al guardar cambios, se avisa a cada miembro y se le pide que las lea y las acepte de nuevo antes de volver a publicar. Puedes usar Markdown sencillo.
manage-norms-submit = Guardar las normas

manage-flag-unknown = No se entendió ese cambio. Por favor, usa los botones de la conversación.

manage-audit-heading = Registro de auditoría
manage-audit-lead = Lo que han hecho quienes facilitan, y por qué. Solo quienes facilitan el grupo pueden leerlo.
manage-audit-none = Nada todavía.
manage-audit-when = Cuándo
manage-audit-what = Qué
manage-audit-reason = Por qué
manage-audit-someone = un miembro
manage-audit-remove-post = { $actor } retiró una publicación.
manage-audit-remove-member = { $actor } retiró a { $target } del grupo.
manage-audit-mute-member = { $actor } pausó las publicaciones de { $target }.
manage-audit-reveal-author = { $actor } consultó quién escribió una publicación.
manage-audit-dismiss-report = { $actor } revisó un reporte y lo cerró sin tomar medidas.
manage-audit-hide-post = { $actor } ocultó una publicación.
manage-audit-unhide-post = { $actor } volvió a mostrar una publicación oculta.
manage-audit-warn-member = { $actor } le dio un aviso a { $target }.
manage-audit-suspend-account = { $actor } suspendió a { $target } en este sitio.
manage-audit-lift-suspension = Quien gestiona el sitio levantó la suspensión de { $target }.
manage-audit-grant-admin = Quien gestiona el sitio hizo a { $target } administrador del sitio.
manage-audit-revoke-admin = Quien gestiona el sitio quitó a { $target } el papel de administrador del sitio.
manage-audit-grant-directory = Quien gestiona el sitio encargó a { $target } la lista de reuniones.
manage-audit-revoke-directory = Quien gestiona el sitio quitó a { $target } el encargo de la lista de reuniones.
manage-audit-pin-thread = { $actor } fijó una conversación.
manage-audit-unpin-thread = { $actor } dejó de fijar una conversación.
manage-audit-lock-thread = { $actor } cerró una conversación a nuevas respuestas.
manage-audit-unlock-thread = { $actor } volvió a abrir una conversación a respuestas.
manage-audit-edit-settings = { $actor } cambió los ajustes del grupo.
manage-audit-edit-norms = { $actor } cambió las normas.
manage-audit-approve-request = { $actor } dejó entrar a { $target }.
manage-audit-decline-request = { $actor } rechazó la solicitud de { $target }.
manage-audit-create-invite = { $actor } creó un enlace de invitación.
manage-audit-revoke-invite = { $actor } desactivó un enlace de invitación.
manage-audit-make-facilitator = { $actor } hizo a { $target } persona facilitadora.
manage-audit-make-member = { $actor } volvió a hacer a { $target } miembro.
manage-audit-transfer-ownership = { $actor } entregó el grupo a { $target }.

manage-reveal-title = Quién escribió esta publicación
manage-reveal-back = Volver a la conversación
manage-reveal-the-post = La publicación
manage-reveal-lead = Los miembros pueden publicar como "un miembro" para hablar con libertad. Consulta quién escribió una publicación solo cuando la seguridad de alguien o las normas del grupo lo necesiten. Tu consulta y tu motivo quedan en el registro de auditoría, que pueden leer quienes facilitan el grupo.
manage-reveal-reason-hint = Por ejemplo: un miembro puede estar en peligro y necesitamos contactar con él.
manage-reveal-submit = Mostrar quién la escribió
manage-reveal-author = Esta publicación la escribió { $who }.
manage-reveal-recorded = Tu consulta y tu motivo ya están en el registro de auditoría del grupo.
