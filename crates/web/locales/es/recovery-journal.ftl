# Recuperación: el diario privado de cada miembro.

journal-title = Mi diario
journal-lead = Un lugar para escribir para ti. Solo tú puedes leerlo, y se guarda cifrado.
journal-write-heading = Escribir
journal-body = La entrada de hoy
journal-body-hint = Escribe con libertad. Funcionan *cursiva*, **negrita**, listas, > citas y enlaces.
journal-write-submit = Guardar esta entrada
journal-entries-heading = Entradas anteriores
journal-entries-none = Aún no has escrito nada. Cuando estés listo o lista.
journal-entry-heading = Escrita el { $date }
journal-saved = Guardada. Solo tú puedes leerla.
journal-crisis-saved = Tu entrada está guardada, y solo tú puedes leerla.
journal-edit = Cambiar esta entrada
journal-edit-submit = Guardar los cambios
journal-delete = Borrar esta entrada
journal-delete-hint = Borrar no se puede deshacer.
journal-empty = Escribe unas palabras primero.
journal-too-long = Por favor, que una entrada no pase de { $max } caracteres; puedes seguir en otra.
