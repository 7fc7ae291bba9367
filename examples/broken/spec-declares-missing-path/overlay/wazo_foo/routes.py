# Broken: the daemon no longer serves /config, which its OpenAPI document still declares.
ROUTES = {
    'status': True,
}
