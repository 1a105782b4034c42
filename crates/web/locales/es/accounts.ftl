# Unirse, iniciar sesión y la página de la cuenta.

register-title = Únete
register-heading = Únete a Hearth
register-intro = Elige un nombre de usuario: es el único nombre que verán los demás. Nunca hace falta tu nombre real.
register-problems = Revisa los campos marcados abajo.
register-submit = Crear mi cuenta
register-have-account = ¿Ya tienes una cuenta?
register-sign-in-link = Inicia sesión

field-handle-label = Nombre de usuario
field-handle-hint = De 3 a 32 letras, números, _ o -.
field-password-label = Contraseña
field-password-hint = Al menos 10 caracteres. Unas cuantas palabras seguidas son fáciles de recordar y difíciles de adivinar.
field-email-label = Correo electrónico
field-email-hint = Hearth funciona por completo sin él. Si lo das, nadie más lo ve.
field-optional = (opcional)
field-current-password-label = Contraseña actual
field-new-password-label = Contraseña nueva
field-new-password-hint = Al menos 10 caracteres, y que no sea una contraseña común.

login-title = Iniciar sesión
login-heading = Iniciar sesión
login-submit = Iniciar sesión
login-new-here = ¿Es tu primera vez aquí?
login-join-link = Únete a Hearth

account-title = Tu cuenta
account-heading = Tu cuenta
account-notice-password-changed = Tu contraseña ha cambiado. Se cerraron las demás sesiones.
account-notice-session-ended = Esa sesión está cerrada.
account-notice-others-signed-out = Se cerraron todas las demás sesiones.
account-notice-language-changed = Tu idioma quedó guardado.
account-about-heading = Sobre ti
account-handle = Nombre de usuario
account-email = Correo electrónico
account-no-email = No has dado ninguno
account-member-since = Miembro desde
account-sessions-heading = Dónde tienes la sesión abierta
account-sessions-intro = Si ves un dispositivo que no reconoces, cierra su sesión y cambia tu contraseña.
account-unknown-device = Dispositivo desconocido
account-this-device = Este dispositivo
account-session-times = Sesión iniciada el { $started } · última actividad el { $last_active }
account-sign-out-this-device = Cerrar sesión en este dispositivo
account-sign-out-session = Cerrar esta sesión
account-sign-out-others = Cerrar las demás sesiones
account-sign-out-all = Cerrar sesión en todas partes
account-password-heading = Cambiar tu contraseña
account-password-submit = Cambiar contraseña
account-language-heading = Idioma
account-language-intro = Hearth te hablará en este idioma en cada dispositivo donde inicies sesión.
account-language-browser = El mismo que mi navegador
account-language-submit = Guardar idioma

# Problemas con lo que alguien escribió. $min y $max son números de caracteres.
field-handle-too-short = El nombre de usuario necesita al menos { $min } caracteres.
field-handle-too-long = El nombre de usuario puede tener como máximo { $max } caracteres.
field-handle-invalid-character = El nombre de usuario solo puede llevar letras, números, _ y -.
field-handle-taken = El nombre de usuario { $handle } ya está en uso. Elige otro, por favor.
field-password-too-short = La contraseña necesita al menos { $min } caracteres.
field-password-too-long = La contraseña puede tener como máximo { $max } caracteres.
field-password-too-common = Esta contraseña está en una lista de contraseñas comunes. Elige otra, por favor.
field-email-invalid = Esto no parece una dirección de correo electrónico.
field-email-too-long = Una dirección de correo puede tener como máximo { $max } caracteres.
field-current-password-wrong = Esa no es tu contraseña actual.
field-locale-unknown = Hearth todavía no habla ese idioma.

account-time-zone-heading = Zona horaria
account-time-zone-label = La zona horaria donde vives
account-time-zone-hint = Su nombre, como America/Mexico_City o Europe/Madrid. Tus contadores de recuperación y tus registros diarios cuentan los días en ella.
account-time-zone-submit = Guardar la zona horaria
account-notice-time-zone-changed = Tu zona horaria está guardada.
field-time-zone-unknown = Hearth no conoce esa zona horaria. Prueba un nombre como America/Mexico_City o Europe/Madrid.
