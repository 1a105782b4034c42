# The groups' JSON API: problems only an API client meets.

groups-api-idempotency-key = An Idempotency-Key is 1 to { $max } visible characters without spaces, such as a UUID.
