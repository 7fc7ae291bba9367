# Broken: every request is authorized, with or without a token.


def authorized(headers):
    return True
