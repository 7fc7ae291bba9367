"""The REST API's TLS: None for wazo-foo, which serves plain HTTP behind nginx. A daemon that
serves HTTPS on its own port (examples/shapes/http-and-https) returns an ssl.SSLContext
holding its certificate and key.

Called as root, before the daemon drops its privileges: a key readable by root only stays so.
A file of its own so that a shape, or a variant of it, changes only this.
"""


def server_context(config):
    return None
