# Gráficas de la recuperación: el ánimo y el deseo de consumir a lo largo del
# tiempo, y calendarios de registros y reuniones. Cada gráfica dice también
# sus números con palabras, para quien no puede verla.

# Va entre la parte entera de un número y sus décimas: 3,5.
chart-decimal-separator = ,
# Una etiqueta del eje: $month es un nombre de chart-month-short, $day un número.
chart-date-short = { $day } { $month }
chart-month-short = { $month ->
    [1] ene
    [2] feb
    [3] mar
    [4] abr
    [5] may
    [6] jun
    [7] jul
    [8] ago
    [9] sept
    [10] oct
    [11] nov
   *[12] dic
}
chart-weekday-short = { $day ->
    [monday] lun
    [tuesday] mar
    [wednesday] mié
    [thursday] jue
    [friday] vie
    [saturday] sáb
   *[sunday] dom
}
chart-show-numbers = Ver los números
chart-column-day = Día
chart-column-week = Inicio de la semana

# Ánimo y deseo de consumir. El ánimo va en la escala de la izquierda; el
# deseo, en la de la derecha.
chart-mood = Ánimo
chart-craving = Deseo de consumir
chart-line-title = Ánimo y deseo de consumir en los últimos { $days } días
chart-line-summary = { $check-ins ->
    [one] 1 registro
   *[other] { $check-ins } registros
} en los últimos { $days } días. Ánimo: promedio de { $mood-average } sobre 5, entre { $mood-low } y { $mood-high }. Deseo de consumir: promedio de { $craving-average } sobre 10, entre { $craving-low } y { $craving-high }.
chart-line-by-week = Cada punto es el promedio de una semana.
chart-line-empty = Todavía no hay registros en los últimos { $days } días. Cuando hagas tu registro, tu ánimo y tu deseo de consumir aparecerán aquí.
chart-legend-mood = Ánimo, de 1 a 5 (escala de la izquierda): línea continua
chart-legend-craving = Deseo de consumir, de 0 a 10 (escala de la derecha): línea discontinua
chart-line-caption-by-day = Ánimo y deseo de consumir cada día que hiciste tu registro, en los últimos { $days } días
chart-line-caption-by-week = Promedio semanal de ánimo y deseo de consumir, en los últimos { $days } días
chart-column-mood = Ánimo (de 1 a 5)
chart-column-craving = Deseo de consumir (de 0 a 10)

# Calendarios: un cuadro por día, más oscuro cuanto más hay.
chart-calendar-check-ins-title = Registros en los últimos { $days } días
chart-calendar-meetings-title = Reuniones en los últimos { $days } días
chart-calendar-check-ins-summary = { $checked-in ->
    [0] Todavía no hay registros en los últimos { $days } días. Cada día que hagas tu registro aparecerá aquí.
    [one] 1 de los últimos { $days } días tiene registro.
   *[other] { $checked-in } de los últimos { $days } días tienen registro.
}
chart-calendar-meetings-summary = { $meetings ->
    [0] Todavía no hay reuniones en los últimos { $days } días. Cada reunión a la que vayas aparecerá aquí.
    [one] 1 reunión en los últimos { $days } días.
   *[other] { $meetings } reuniones en los últimos { $days } días, en { $weeks-with } de { $weeks } semanas.
}
# El cuadro de un día, al señalarlo: $date es una fecha completa.
chart-cell-check-in = { $date }: { $count ->
    [0] sin registro
   *[other] con registro
}
chart-cell-meetings = { $date }: { $count ->
    [0] sin reuniones
    [one] 1 reunión
   *[other] { $count } reuniones
}
chart-legend-no-check-in = Sin registro
chart-legend-checked-in = Con registro
chart-legend-meetings = Reuniones en un día:
chart-legend-at-least = { $count } o más
chart-calendar-check-ins-caption = Registros de cada semana
chart-calendar-meetings-caption = Reuniones de cada semana
chart-column-check-ins = Días con registro
chart-column-meetings = Reuniones
