# La API JSON de los grupos: problemas que solo encuentra un cliente de la API.

groups-api-idempotency-key = Una Idempotency-Key tiene de 1 a { $max } caracteres visibles sin espacios, por ejemplo un UUID.
