# Recuperación: el registro diario y su historial.

check-in-title = Mi registro de hoy
check-in-form-heading = ¿Cómo estás hoy?
check-in-change-heading = Ya hiciste tu registro de hoy. Puedes cambiarlo si quieres.
check-in-saved = Guardado. Solo tú puedes ver tus registros.
check-in-streak = { $n ->
    [one] Llevas 1 día seguido con tu registro.
   *[other] Llevas { $n } días seguidos con tu registro.
}
check-in-streak-none = Haz tu registro cuando quieras: un minuto al día para notar cómo estás.
check-in-mood = Ánimo
check-in-mood-1 = Muy bajo
check-in-mood-2 = Bajo
check-in-mood-3 = Regular
check-in-mood-4 = Bien
check-in-mood-5 = Muy bien
check-in-craving = Deseo de consumir
check-in-craving-hint = 0 es nada en absoluto; 10, el más fuerte que puedas imaginar.
check-in-craving-was = Deseo de consumir: { $n } de 10.
check-in-used = ¿Consumiste hoy?
check-in-used-unsaid = Prefiero no decirlo
check-in-used-no = No
check-in-used-yes = Sí
check-in-used-was-yes = Consumí hoy.
check-in-used-was-no = No consumí.
check-in-helped = Lo que me ayudó
check-in-helped-hint = Una llamada, una reunión, un paseo: lo que hizo el día un poco más fácil.
check-in-note = Una nota para ti
check-in-note-hint = Solo tú puedes leerla. Se guarda cifrada.
check-in-submit = Guardar mi registro
check-in-change-submit = Guardar los cambios
check-in-mood-empty = Elige cómo te sientes, del 1 al 5.
check-in-craving-empty = Elige un número para el deseo de consumir, del 0 al 10.
check-in-out-of-range = Elige un número entero del { $min } al { $max }.
check-in-used-unknown = Responde sí o no, o déjalo sin decir.
check-in-too-long = Por favor, que no pase de { $max } caracteres.
check-in-not-today = Solo se puede hacer o cambiar el registro de hoy.
recovery-crisis-lead = Lo que escribiste suena a que estás pasando por algo muy difícil en este momento. Hay personas listas para escucharte, a cualquier hora:
check-in-crisis-saved = Tu registro está guardado, y solo tú puedes verlo.
check-in-recent-heading = Los últimos días
check-in-recent-none = Tus registros anteriores aparecerán aquí.
check-in-history-link = Todos mis registros y gráficas
check-in-history-title = Mis registros
check-in-range-label = Cuánto tiempo atrás
check-in-range = { $n } días
check-in-list-heading = Los últimos { $n } días
check-in-list-none = No hay registros en estos días.
check-in-charts-heading = Ánimo y deseo de consumir
check-in-calendar-heading = Días con registro
