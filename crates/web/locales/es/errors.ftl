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
error-too-large = La solicitud es más grande de lo que Hearth acepta.
error-internal = Algo salió mal de nuestro lado. No fue nada que hicieras tú; inténtalo de nuevo en un momento.
error-busy = Hearth está muy ocupado en este momento. Inténtalo de nuevo en un momento.
error-unreadable-request = Hearth no pudo leer esta solicitud: { $reason }
search-parameter-invalid = No se puede usar el parámetro de búsqueda { $parameter }: { $reason }.
error-not-allowed = Esto es para quienes mantienen la lista de reuniones. Si deberías ser una de esas personas, pídeselo a quien administra el sitio.
