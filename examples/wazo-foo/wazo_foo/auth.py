# Whether a request may reach a route that needs a token: a file of its own so that a
# broken example (examples/broken/) can replace it with one small file.


def authorized(headers):
    # There is no wazo-auth here: any non-empty X-Auth-Token is accepted. A real Wazo
    # daemon validates the token against wazo-auth (port 9497).
    return bool(headers.get('X-Auth-Token', '').strip())
