# Broken: the daemon does not serve its OpenAPI document.
ROUTE = None
