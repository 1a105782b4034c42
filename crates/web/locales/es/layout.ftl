# El marco de cada página: cabecera, navegación, pie y menú de idioma.

language-own-name = Español
brand = Hearth
skip-to-content = Saltar al contenido principal
nav-label = Principal
nav-groups = Grupos
nav-notifications = Avisos
nav-recovery = Mi recuperación
nav-sign-in = Iniciar sesión
nav-join = Únete
nav-sign-out = Cerrar sesión
nav-get-help = Ayuda inmediata
footer-help = líneas de crisis a las que puedes llamar o escribir a cualquier hora.
footer-about = Hearth es un hogar para grupos de apoyo en recuperación, gestionado por y para sus miembros.
language-menu-label = Idioma
language-menu-submit = Cambiar idioma

home-title = Bienvenida
home-heading = No tienes que pasar por esto a solas
home-lead = Hearth es un hogar para grupos de apoyo en recuperación: un lugar para contar cómo te fue hoy, para escuchar y para que te escuchen personas que te entienden.
home-welcome-back = Qué bueno verte de nuevo, { $handle }.
home-your-account = Tu cuenta
home-join = Únete a Hearth
home-sign-in = Iniciar sesión
home-handle-only = Solo necesitas un nombre de usuario: ni tu nombre real ni un correo, a menos que quieras darlo.
home-help-heading = ¿Necesitas hablar con alguien ahora mismo?
home-help-text = Si estás en peligro o piensas en hacerte daño, puedes llamar o escribir a una línea de crisis a cualquier hora.
home-help-link = Ver los números
