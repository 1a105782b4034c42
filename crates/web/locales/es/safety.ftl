# Seguridad: el panel de crisis, los reportes, la cola de moderación, el
# registro de auditoría y los reportes de cada persona.

crisis-panel-heading = No estás solo ni sola
crisis-panel-lead = Lo que escribiste suena a que estás pasando por algo muy difícil ahora mismo. Hay personas dispuestas a escucharte, a cualquier hora:
crisis-panel-tell = Avisar a mis facilitadores que necesito apoyo
crisis-panel-tell-hint = Las personas facilitadoras de tu grupo verán que eres tú, aunque hayas publicado de forma anónima. No se avisa a nadie fuera de Hearth.
crisis-panel-told = Tus facilitadores ya lo saben. Pediste ayuda, y eso importa.
crisis-panel-posted = Tus palabras están publicadas en el grupo, tal como las escribiste.
safety-check-unknown-language = Hearth todavía no habla ese idioma; déjalo vacío o usa en o es.

report-link = Reportar
report-title = Reportar a las personas facilitadoras
report-back = Volver
report-the-post = Lo que reportas
report-the-person = Estás reportando a { $who }.
report-lead = Las personas facilitadoras del grupo lo leerán. No le dirán a nadie quién hizo el reporte.
report-crisis-hint = Si alguien está en peligro ahora mismo, llama al número de emergencias de tu zona.
report-help-link = Líneas de crisis
report-reason = ¿Por qué lo reportas?
report-reason-crisis = Alguien puede hacerse daño o está en peligro
report-reason-harassment = Acoso
report-reason-hate = Odio
report-reason-spam = Spam
report-reason-norms = No respeta las normas del grupo
report-reason-other = Otra cosa
report-note = Algo que las personas facilitadoras deban saber
report-note-hint = Unas palabras les ayudan a entender.
report-submit = Enviar el reporte
report-thanks = Gracias. Las personas facilitadoras lo revisarán.
report-thanks-outcome = Te contaremos lo que decidan.
report-your-reports = Tus reportes
report-reason-missing = Elige un motivo.
report-note-too-long = Escribe la nota en menos de { $max } caracteres.
report-one-subject = Reporta una publicación o una persona, no ambas.

moderation-title = Moderación
moderation-lead = Reportes de los grupos que facilitas. Los reportes de crisis van primero.
moderation-lead-admin = Reportes de todos los grupos del sitio. Los reportes de crisis van primero.
moderation-audit-link = Registro de auditoría
moderation-closed-now = Hecho. Quedó en el registro de auditoría.
moderation-open-heading = Esperando tu revisión
moderation-open-none = No hay nada pendiente.
moderation-priority = Prioridad
moderation-crisis-hint = Alguien puede estar en peligro. Acércate con cariño y pronto; comparte las líneas de crisis.
moderation-crisis-lines = Líneas de crisis
moderation-about = Sobre { $who }.
moderation-anonymous-author = quien escribió una publicación anónima
moderation-see-in-thread = Verla en la conversación
moderation-post-hidden = Oculta para los miembros.
moderation-post-removed = Eliminada.
moderation-raised-by-detector = Se abrió al escribirse el texto
moderation-raised-by-writer = { $who } pidió apoyo
moderation-raised-by-member = Reportado por { $who }
moderation-raised-by-someone = Reportado por un miembro
moderation-action = Qué hacer
moderation-action-dismiss = No hace falta actuar: cerrarlo
moderation-action-hide = Ocultar la publicación (se puede volver a mostrar)
moderation-action-remove = Eliminar la publicación
moderation-action-warn = Dar un aviso a la persona (verá tu motivo)
moderation-action-mute = Pausar sus publicaciones en el grupo
moderation-action-remove-from-group = Sacarla del grupo
moderation-action-suspend = Suspenderla en este sitio
moderation-days = Días
moderation-days-hint = Para una pausa (hasta 90) o una suspensión (hasta 365; déjalo vacío para que dure hasta que la levantes).
moderation-why-hint = Queda en el registro de auditoría; la persona avisada lo lee.
moderation-decide = Decidir
moderation-closed-heading = Decidido hace poco
moderation-closed-none = Nada todavía.
moderation-unhide = Volver a mostrarla
moderation-action-missing = Elige qué hacer.
moderation-days-out-of-range = Indica un número de días entre 1 y { $max }.
moderation-no-post = Este reporte no es sobre una publicación, así que no hay nada que ocultar o eliminar.
moderation-person-not-in-group = Esa persona ya no está en el grupo, o es su dueña. Una persona administradora del sitio todavía puede suspenderla.
moderation-audit-title = Registro de auditoría
moderation-audit-lead = Todo lo que hicieron las personas moderadoras, y por qué. Nada de esto se puede cambiar ni borrar.
moderation-audit-group = Grupo

outcome-dismissed = Revisado; no hizo falta actuar
outcome-hidden = Se ocultó la publicación
outcome-removed = Se eliminó la publicación
outcome-warned = Se le dio un aviso a la persona
outcome-muted = Se pausaron sus publicaciones
outcome-removed-from-group = Se sacó a la persona del grupo
outcome-suspended = Se suspendió a la persona

own-reports-title = Tus reportes
own-reports-lead = Lo que reportaste y lo que pasó después. La persona reportada nunca ve quién hizo el reporte.
own-reports-heading = Lo que reportaste
own-reports-none = No has reportado nada.
own-reports-asked-for-support = Pediste apoyo
own-reports-waiting = Esperando a una persona facilitadora
own-reports-warnings-heading = Notas de las personas facilitadoras
own-reports-warnings-none = Ninguna.
own-reports-warnings-hint = Si algo aquí te parece injusto, habla con las personas facilitadoras de tu grupo.

account-suspended = Una persona administradora suspendió esta cuenta. Si crees que es un error, contacta a quienes gestionan este sitio.
account-suspended-for = Una persona administradora suspendió esta cuenta { $days ->
    [one] un día más
   *[other] { $days } días más
}. Si crees que es un error, contacta a quienes gestionan este sitio.

blocks-title = Personas que bloqueaste o silenciaste
blocks-lead = Bloquear pliega las publicaciones de alguien y evita que te lleguen sus respuestas y menciones. Silenciar oculta sus publicaciones. Ninguna de las dos cosas se le avisa. Las publicaciones anónimas nunca se pliegan ni se ocultan, porque eso te diría quién las escribió.
blocks-none = No has bloqueado ni silenciado a nadie.
blocks-blocked = Bloqueada
blocks-muted = Silenciada
blocks-block = Bloquear
blocks-mute = Silenciar
blocks-undo = Deshacer
blocks-collapsed = Una publicación de alguien que bloqueaste. Mostrarla
blocks-report-hint = Puedes reportar a alguien que bloqueaste, y también a alguien que te bloqueó.
blocks-kind-unknown = Elige block o mute.

account-safety-heading = Seguridad
account-moderation-link = Moderación, para personas facilitadoras
