# Recuperación: compañeros de responsabilidad.

partners-title = Compañeros de responsabilidad
partners-lead = Alguien de confianza, un padrino o madrina o un amigo del programa, puede acompañarte. Tú eliges exactamente lo que ve, y cualquiera de los dos puede terminarlo cuando quiera.
partners-nudges-heading = Personas que se han quedado en silencio
partners-nudge = { $days ->
    [one] { $handle } lleva 1 día sin hacer su registro. Una palabra amable puede ayudar.
   *[other] { $handle } lleva { $days } días sin hacer su registro. Una palabra amable puede ayudar.
}
partners-invitations-heading = Invitaciones para ti
partners-invitation = { $handle } quiere que seas su compañero de responsabilidad.
partners-accept = Aceptar
partners-decline = Rechazar
partners-supporting-heading = Personas a las que acompañas
partners-supporting-none = Nadie todavía. Cuando alguien te invite y aceptes, aparecerá aquí.
partners-quiet-days = { $n ->
    [0] Hizo su registro hoy o ayer.
    [one] 1 día sin registro.
   *[other] { $n } días sin registro.
}
partners-no-check-ins-yet = Aún no hay registros.
partners-mine-heading = Tus compañeros
partners-mine-none = Aún no tienes compañeros.
partners-waiting = Esperando a que acepte
partners-sees-legend = Lo que ve { $handle }
partners-sees-new = Lo que verá
partners-sees-counters = Mis contadores y logros
partners-sees-scores = Los números de mis registros (ánimo y deseo de consumir)
partners-sees-notes = Mis notas y lo que me ayudó
partners-sees-missed = Cuando dejo de hacer mi registro
partners-sees-submit = Guardar lo que ve
partners-end = Terminar este acompañamiento
partners-withdraw = Retirar la invitación
partners-invite-heading = Invitar a un compañero
partners-invite-lead = No verá nada hasta que acepte, y luego solo lo que marques.
partners-handle = Su nombre de usuario
partners-invite-submit = Enviar la invitación
partners-handle-empty = Escribe el nombre de usuario de la persona que quieres invitar.
partners-handle-unknown = Nadie aquí tiene ese nombre de usuario. Confirma cómo se escribe.
partners-already = Ya lo invitaste, o ya es tu compañero.
partners-nudge-heading = Cuando te quedas en silencio
partners-nudge-after = Avisar a mis compañeros después de estos días sin registro
partners-nudge-after-hint = De 1 a 14 días. Solo se avisa a quienes ven los registros que faltan.
partners-nudge-submit = Guardar
partners-nudge-after-invalid = Elige un número de días del 1 al 14.
partners-invited = Invitación enviada.
partners-accepted = Ahora acompañas a esta persona. Gracias por estar ahí.
partners-ended = Terminado. Ya no se comparte nada.
partners-saved = Guardado.
partners-supported-heading = Acompañando a { $handle }
partners-supported-lead = Esto es lo que eligió compartir contigo. Por favor, que quede entre ustedes dos.
partners-rhythm-heading = Registros
partners-none-shared = Aún no hay nada aquí.
partners-check-ins-heading = Las últimas dos semanas
partners-step-back = Dejar de acompañarle
partners-step-back-hint = Verá que el acompañamiento ha terminado.
partners-quiet-notice = { $n ->
    [one] Alguien a quien acompañas se ha quedado en silencio. Mira cómo está.
   *[other] { $n } personas a las que acompañas se han quedado en silencio. Mira cómo están.
}
partners-streak = { $n ->
    [0] Ahora mismo no lleva días seguidos con registro.
    [one] 1 día seguido con registro.
   *[other] { $n } días seguidos con registro.
}
