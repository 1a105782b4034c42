# Recuperación: los contadores e hitos de cada miembro.

recovery-title = Mi recuperación
recovery-lead = Tus contadores e hitos. Solo tú ves esta página.
recovery-time-zone-hint = Los días se cuentan en UTC hasta que digas en qué zona horaria vives.
recovery-time-zone-link = Elegir tu zona horaria
recovery-counters-heading = Contadores
recovery-counters-none = Todavía no hay contadores. Empieza uno abajo, cuando quieras.
recovery-days = { $n ->
    [one] 1 día
   *[other] { $n } días
}
recovery-since = Desde el { $date }
recovery-next = Próximo: { $what }, el { $date } ({ $days ->
    [one] en 1 día
   *[other] en { $days } días
}).
recovery-new-heading = Empezar un contador
recovery-label = Qué cuenta
recovery-label-hint = Con tus palabras: "Alcohol", "Juego", "Sin contacto con X".
recovery-start = El día que empezaste
recovery-program = Hitos
recovery-program-twelve-step = 12 pasos (24 horas, 30, 60, 90 días, 6 y 9 meses, cada año)
recovery-program-na = Llaveros de NA
recovery-program-every-30-days = Cada 30 días
recovery-program-none = Sin hitos
recovery-program-unknown = Elige uno de los calendarios de hitos.
recovery-new-submit = Empezar el contador
recovery-label-empty = Ponle un nombre al contador.
recovery-label-too-long = Escribe el nombre en menos de { $max } caracteres.
recovery-label-control = El nombre tiene caracteres que no se pueden mostrar.
recovery-date-format = Indica una fecha, como 2026-03-01.
recovery-date-future = Ese día todavía no ha llegado.
recovery-date-too-early = Indica un día después de 1900.
recovery-date-before-start = El nuevo comienzo no puede ser antes del comienzo de este contador.
recovery-learned-too-long = Escríbelo en menos de { $max } caracteres.
recovery-reached-heading = Hitos alcanzados
recovery-reached-none = Ninguno todavía. Cada día cuenta.
recovery-milestone-first-day = Bienvenida
recovery-milestone-hours = { $n } horas
recovery-milestone-days = { $n } días
recovery-milestone-months = { $n } meses
recovery-milestone-years = { $n ->
    [one] 1 año
   *[other] { $n } años
}
recovery-tag-white = llavero blanco
recovery-tag-orange = llavero naranja
recovery-tag-green = llavero verde
recovery-tag-red = llavero rojo
recovery-tag-blue = llavero azul
recovery-tag-yellow = llavero amarillo
recovery-tag-glow = llavero fosforescente
recovery-tag-grey = llavero gris
recovery-tag-black = llavero negro
recovery-again-heading = Empezar de nuevo
recovery-again-lead = Pasa, y es parte de la recuperación. Tus días anteriores se quedan en tu historial, solo para ti.
recovery-again-date = El día que vuelves a empezar
recovery-learned = Lo que aprendiste
recovery-learned-hint = Solo tú lo verás.
recovery-again-submit = Empezar de nuevo
recovery-history-heading = Rachas anteriores
recovery-already-started-again = Este contador ya se empezó de nuevo desde ese día.
recovery-nav-label = Mis páginas de recuperación
recovery-nav-check-in = Hacer el registro de hoy
recovery-nav-check-in-done = Mi registro de hoy (hecho)
recovery-nav-check-ins = Mis registros y gráficas
recovery-nav-journal = Mi diario
recovery-nav-partners = Compañeros de responsabilidad

# Celebraciones de logros, compartidas con los grupos que el miembro eligió.
celebrate-heading = ¡Llegaste a { $what }!
celebrate-lead = El { $date }. ¿Quieres compartirlo con tus grupos?
celebrate-groups = Se compartiría en:
celebrate-body-label = Qué compartir
celebrate-body-hint = Se comparte con tu nombre, como celebración. Lo que cuenta este contador no se comparte.
celebrate-body = Hoy celebro { $what }. Gracias por recorrer este camino conmigo.
celebrate-share = Compartir la celebración
celebrate-pass = Esta vez no
celebrate-shared = Tu celebración se compartió con tus grupos.
celebrate-passed = Lo guardaste para ti. Sigue siendo tuyo para celebrarlo.
celebrate-groups-saved = Guardado.
celebrate-choose-heading = Celebrar con tus grupos
celebrate-choose-legend = Ofrecer compartir los logros de este contador con
celebrate-choose-hint = Cuando llegues a un logro, primero se te preguntará. Nada se comparte por sí solo.
celebrate-choose-submit = Guardar mi elección
celebrate-no-groups = Cuando te unas a un grupo de apoyo, podrás compartir tus logros con él.
celebrate-find-groups = Buscar un grupo
celebrate-body-invalid = Escribe unas palabras para compartir, hasta 5.000 caracteres.
