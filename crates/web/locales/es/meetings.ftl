# El buscador de reuniones y la página de cada reunión.

nav-find-meeting = Buscar una reunión
finder-title = Buscar una reunión
finder-heading = Buscar una reunión
finder-where-label = Dónde, o qué
finder-where-hint = Una ciudad, un barrio, una calle o palabras del nombre de una reunión.
finder-use-my-location = Usar mi ubicación
finder-locating = Buscando dónde estás…
finder-location-failed = No pudimos obtener tu ubicación. Puedes escribir un lugar.
finder-location-in-use = Usando tu ubicación.
finder-radius-label = Distancia
finder-any-distance = Cualquier distancia
finder-within-km = A menos de { $km } km
finder-day-label = Día
finder-any-day = Cualquier día
finder-weekday = { $day ->
    [0] domingo
    [1] lunes
    [2] martes
    [3] miércoles
    [4] jueves
    [5] viernes
   *[6] sábado
}
finder-from-label = Que empiece después de
finder-attendance-label = Cómo asistir
finder-attendance-any = En persona o en línea
finder-attendance-in-person = En persona
finder-attendance-online = En línea
finder-type-label = Tipo
finder-any-type = Cualquier tipo
finder-submit = Buscar reuniones
finder-count = { $count ->
    [0] Ninguna reunión coincide. Prueba con más distancia, otro día o menos opciones.
    [one] Coincide una reunión.
   *[other] Coinciden { $count } reuniones.
}
finder-in-progress = En curso
finder-starting-soon = Empiezan pronto
finder-later = Más tarde
finder-more = Más reuniones

meeting-when = { $date }, { $time }
meeting-your-time = { $time } en tu hora
meeting-distance-km = a { $km } km
meeting-by-appointment = Con cita previa
meeting-attendance-in-person = En persona
meeting-attendance-hybrid = En persona y en línea
meeting-attendance-online = En línea
meeting-attendance-inactive = Cerrada temporalmente
meeting-back-to-finder = Volver al buscador de reuniones
meeting-when-heading = Próximas reuniones
meeting-local-time = Las horas son las del lugar de la reunión ({ $zone }).
meeting-add-to-calendar = Añadir a mi calendario
meeting-where-heading = Dónde
meeting-open-in-maps = Abrir en mi aplicación de mapas
meeting-openstreetmap = Verla en OpenStreetMap
meeting-online-heading = Unirse en línea
meeting-join = Entrar a la reunión
meeting-phone = Por teléfono:
meeting-notes-heading = Notas
meeting-more-information = Más sobre esta reunión
meeting-feedback = Enviar comentarios sobre este anuncio
meeting-suggest-change = Sugerir un cambio
