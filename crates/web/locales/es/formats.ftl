# Cómo se escriben las fechas, las horas y los números. Variables: $weekday y
# $month son nombres (abajo), $day y $year números; $hour va de 0 a 23,
# $hour12 de 1 a 12, $minute son dos dígitos, $period es am o pm.

format-date = { $weekday } { $day } de { $month } de { $year }
format-time = { $hour12 }:{ $minute } { $period ->
    [am] a. m.
   *[pm] p. m.
}
format-date-time-utc = { $date }, { $time } (UTC)
format-weekday = { $day ->
    [monday] lunes
    [tuesday] martes
    [wednesday] miércoles
    [thursday] jueves
    [friday] viernes
    [saturday] sábado
   *[sunday] domingo
}
format-month = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
}
# Agrupación de cifras: el separador y la menor cantidad de cifras que necesita
# un número para agruparse (en español, 1234 pero 12.345).
format-number-group-separator = .
format-number-min-grouping-digits = 5
