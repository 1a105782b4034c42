# Lo que salió mal, en las páginas de error y en los documentos de problema de la API.

# El título breve de un estado HTTP.
status-title = { $status ->
    [400] Solicitud incorrecta
    [401] Hay que iniciar sesión
    [403] No permitido
    [404] No encontrado
    [405] Método no permitido
    [409] Conflicto
    [413] Demasiado grande
    [415] Tipo de contenido no admitido
    [422] No se pudo usar lo enviado
    [429] Demasiados intentos
    [503] No disponible por el momento
   *[other] Algo salió mal
}

error-page-heading = { $status ->
    [404] No encontramos esa página
    [429] Espera un momento, por favor
    [500] Algo salió mal
    [503] Algo salió mal
   *[other] No pudimos hacer eso
}
error-page-home = Ir a la página de inicio
error-not-found = No hay nada en esta dirección.
error-sign-in-required = Inicia sesión para continuar.
error-wrong-credentials = Ese nombre de usuario y esa contraseña no coinciden.
error-csrf = Este formulario estuvo abierto demasiado tiempo o vino de otro sitio. Vuelve atrás, recarga la página e inténtalo de nuevo.
error-too-many-attempts = Demasiados intentos. Espera { $minutes ->
    [0] { $seconds ->
        [one] un segundo
       *[other] { $seconds } segundos
    }
    [one] un minuto
   *[other] { $minutes } minutos
} y vuelve a intentarlo.
error-slow-down = Has escrito mucho en poco tiempo. Para que todo siga en calma, espera { $minutes ->
    [0] { $seconds ->
        [one] un segundo
       *[other] { $seconds } segundos
    }
    [one] un minuto
   *[other] { $minutes } minutos
} y vuelve a intentarlo. No se ha perdido nada de lo que escribiste.
error-too-large = La solicitud es más grande de lo que Hearth acepta.
error-internal = Algo salió mal de nuestro lado. No fue nada que hicieras tú; inténtalo de nuevo en un momento.
error-busy = Hearth está muy ocupado en este momento. Inténtalo de nuevo en un momento.
error-unreadable-request = Hearth no pudo leer esta solicitud: { $reason }
error-not-allowed = Esto es para quienes mantienen la lista de reuniones. Si deberías ser una de esas personas, pídeselo a quien administra el sitio.

# Why a search parameter cannot be used; each names it as { $parameter }.
search-invalid-instant = El parámetro de búsqueda { $parameter } debe ser un instante RFC 3339, p. ej. 2026-03-03T19:00:00Z.
search-invalid-range = El parámetro de búsqueda { $parameter } debe ser un número de { $low } a { $high }.
search-invalid-radius = El parámetro de búsqueda { $parameter } debe ser una distancia en kilómetros, mayor que 0 y de { $most } como máximo.
search-invalid-near-and-position = Indica { $parameter } o lat y lng, no ambos.
search-invalid-ambiguous-place = “{ $name }” puede ser varios lugares ({ $choices }); añade un estado o país a { $parameter }.
search-invalid-unknown-place = No conocemos ningún lugar llamado “{ $name }”; indica en { $parameter } una ciudad con su estado o país, o un código postal de EE. UU.
search-invalid-needs-position = El parámetro de búsqueda { $parameter } necesita lat y lng.
search-invalid-needs = El parámetro de búsqueda { $parameter } hace falta junto con { $other }.
search-invalid-day = El parámetro de búsqueda { $parameter } debe ser de 0 (domingo) a 6 (sábado).
search-invalid-local-time = El parámetro de búsqueda { $parameter } debe ser una hora local HH:MM, p. ej. 18:30.
search-invalid-attendance = El parámetro de búsqueda { $parameter } tiene “{ $given }”, que no es in_person, hybrid, online ni inactive.
search-invalid-sort = El parámetro de búsqueda { $parameter } debe ser time o distance.
search-invalid-cursor = El parámetro de búsqueda { $parameter } no es un cursor que haya dado esta búsqueda.
