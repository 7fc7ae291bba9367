# The routes the daemon serves under /<version>/ besides its OpenAPI document (api_spec.py),
# each with whether it needs a token: a file of its own so that a broken example
# (examples/broken/) can replace it with one small file.
ROUTES = {
    'status': True,
    'config': True,
}
