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

meeting-new-title = Añadir una reunión
meeting-edit-title = Editar esta reunión
meeting-edit-link = Editar
meeting-field-name = Nombre
meeting-field-slug = Nombre para la dirección web
meeting-field-slug-hint = Letras, números y guiones, usados en la dirección de la reunión. Déjalo vacío para crearlo a partir del nombre.
meeting-field-days = Días
meeting-field-days-hint = No marques ninguno si la reunión es con cita previa.
meeting-field-time-label = Empieza a las
meeting-field-end-time-label = Termina a las
meeting-field-end-time-hint = Una hora después del inicio si lo dejas vacío.
meeting-field-timezone-label = Zona horaria
meeting-field-timezone-hint = Como en la base de datos de zonas horarias, por ejemplo America/Mexico_City o Europe/Madrid.
meeting-field-location = Nombre del lugar
meeting-field-address = Dirección
meeting-field-location-notes = Cómo encontrar la sala
meeting-field-latitude = Latitud
meeting-field-longitude = Longitud
meeting-field-approximate = La dirección es una zona, no una puerta (por ejemplo, una ciudad para una reunión en línea)
meeting-field-conference-url = Enlace para entrar en línea
meeting-field-conference-url-notes = Notas para entrar en línea
meeting-field-conference-phone = Teléfono para entrar
meeting-field-types = Códigos de tipo
meeting-field-types-hint = Separados por comas, por ejemplo O, D, X.
meeting-field-group = Grupo
meeting-field-region = Región
meeting-save = Guardar reunión
meeting-delete = Eliminar esta reunión
meeting-delete-explained = Al eliminarla, la reunión sale de la lista y del feed. Su historial se conserva.
meeting-field-required = Este dato es necesario.
meeting-field-time = Escribe una hora como HH:MM, por ejemplo 19:30.
meeting-field-timezone = No conocemos esa zona horaria. Prueba con un nombre como America/Mexico_City.
meeting-field-coordinate = Escribe un número en grados, por ejemplo 19.43 o -99.13.
meeting-field-invalid = Esto no se puede usar tal como está.
meeting-field-slug-taken = Otra reunión ya usa ese nombre de dirección web.

history-title = Historial
history-empty = Todavía no hay cambios registrados.
history-when = Cuándo
history-who = Quién
history-what = Qué cambió
history-import = Importación de { $source }
history-former-member = Un antiguo miembro
history-change = { $action ->
    [added] Añadida
    [removed] Eliminada
   *[updated] Cambios: { $fields }
}
finder-which-place = ¿A qué lugar te refieres?
finder-near = Cerca de { $place }.
