# Las herramientas de quienes facilitan en la API JSON: problemas con lo enviado.

groups-api-manage-invite-days = Un enlace de invitación puede funcionar de 1 a { $max } días.
groups-api-manage-invite-max-uses = El número de personas que pueden usar un enlace va de 1 a { $max }; omítelo para que no tenga límite.
groups-api-manage-mute-days = Una pausa puede durar de 1 a { $max } días.
groups-api-manage-reason-missing = Por favor, di por qué. El motivo se guarda en el registro de auditoría del grupo.
groups-api-manage-reason-too-long = Por favor, escribe el motivo en { $max } caracteres o menos.
groups-api-manage-role = Elige facilitador o miembro.
groups-api-manage-new-owner = Elige a otra persona del grupo para entregárselo.
