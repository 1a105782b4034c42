# Recuperación: las reuniones a las que fue cada miembro, metas de reuniones y sus propias metas.

log-nav-meetings = Reuniones a las que fui
goal-nav = Mis metas

## El registro de reuniones

log-title = Reuniones a las que fui
log-lead = Lleva la cuenta de las reuniones a las que vas. Solo tú ves esta página.
log-noted = Añadida a tu registro. Qué bueno que fuiste.
log-add-heading = Añadir una reunión
log-day = El día que fuiste
log-name = Qué reunión
log-name-hint = Con tus palabras, o déjalo en blanco. Para una reunión del buscador, usa "Fui a esta reunión" en su página:
log-name-hint-finder = buscar una reunión
log-add-submit = Añadir a mi registro
log-name-too-long = Escribe el nombre en menos de { $max } caracteres.
log-name-control = El nombre tiene caracteres que no se pueden mostrar.
log-meeting-unknown = Esa reunión ya no está en el buscador. Puedes añadirla por su nombre.
log-unnamed = Una reunión
log-delete = Quitar
log-recent-heading = Reuniones recientes
log-recent-none = Ninguna reunión en las últimas { $n } semanas. Cuando vayas a una, añádela aquí.
log-weeks-heading = Cada semana
log-weeks-caption = Reuniones de cada semana, las últimas { $n } semanas, la más reciente primero
log-week-of = Semana del
log-week-meetings = Reuniones
log-week-this = esta semana

## "Fui a esta reunión", en la página de una reunión del buscador

log-went-button = Fui a esta reunión
log-went-noted = Añadida a tu registro de reuniones. Qué bueno que fuiste.
log-went-link = Ver mis reuniones

## Metas de reuniones, como 90 reuniones en 90 días

log-goals-heading = Metas de reuniones
log-goals-none = Todavía no tienes una meta de reuniones. Mucha gente empieza con 90 reuniones en 90 días; cualquier meta que te ayude es buena.
log-goal-name = { $meetings ->
    [one] 1 reunión
   *[other] { $meetings } reuniones
} en { $days ->
    [one] 1 día
   *[other] { $days } días
}
log-goal-dates = Del { $start } al { $end }
log-goal-count = { $attended } de { $meetings } reuniones · { $days_left ->
    [one] queda 1 día
   *[other] quedan { $days_left } días
}
log-goal-on-pace = Vas justo al ritmo.
log-goal-behind = { $n ->
    [one] Una reunión más
   *[other] { $n } reuniones más
} te devolverían al ritmo. Cada reunión a la que puedas ir ayuda.
log-goal-reached = Alcanzaste tu meta: { $attended ->
    [one] 1 reunión
   *[other] { $attended } reuniones
}. Bien hecho.
log-goal-ended = Fuiste a { $attended ->
    [one] 1 reunión
   *[other] { $attended } reuniones
} en estos { $days } días.
log-goal-delete = Quitar esta meta
log-goal-new-heading = Empezar una meta de reuniones
log-goal-meetings = Reuniones
log-goal-days = En cuántos días
log-goal-start = Empezando el
log-goal-submit = Empezar la meta
log-number-empty = Escribe un número del { $min } al { $max }.
log-number-out-of-range = Escribe un número entero del { $min } al { $max }.

## Metas con pasos

goal-title = Mis metas
goal-lead = Metas con tus palabras, con pasos si te ayudan. Solo tú las ves.
goal-none = Todavía no hay metas. Pon una cuando quieras.
goal-active-heading = En marcha
goal-complete-heading = Cumplidas
goal-archived-heading = Guardadas
goal-new-heading = Poner una meta
goal-title-label = Tu meta
goal-title-hint = Por ejemplo: "Llamar a mi padrino cada semana".
goal-steps = Pasos
goal-steps-hint = Uno por línea. Puedes añadir más después.
goal-new-submit = Poner la meta
goal-progress = { $done } de { $total ->
    [one] 1 paso hecho
   *[other] { $total } pasos hechos
}
goal-steps-none = Todavía no hay pasos. Añade uno abajo si te ayuda.
goal-step-done = Hecho
goal-step-mark-done = Marcar como hecho
goal-step-undo = Marcar como no hecho
goal-step-delete = Quitar
goal-step-new = Un paso nuevo
goal-step-add = Añadir el paso
goal-state-active = En marcha
goal-state-complete = Cumplida. Bien hecho.
goal-state-archived = Guardada por ahora
goal-where-heading = Cómo va esta meta
goal-move-active = Retomarla
goal-move-complete = Marcarla como cumplida
goal-move-archived = Guardarla por ahora
goal-rename-heading = Cambiar el nombre
goal-rename-submit = Guardar el nombre
goal-delete-heading = Borrar
goal-delete-hint = Esto borra la meta y sus pasos para siempre. Para conservarla sin verla cada día, mejor guárdala.
goal-delete = Borrar esta meta
goal-title-empty = Ponle un nombre a la meta.
goal-title-too-long = Escribe el nombre en menos de { $max } caracteres.
goal-title-control = El nombre tiene caracteres que no se pueden mostrar.
goal-step-empty = Escribe unas palabras para el paso.
goal-step-too-long = Escribe cada paso en menos de { $max } caracteres.
goal-step-control = El paso tiene caracteres que no se pueden mostrar.
goal-too-many-steps = Una meta puede tener hasta { $max } pasos.
goal-state-unknown = Elige en marcha, cumplida o guardada.
