"""The REST API serves HTTPS with the host's server certificate, which the host CA signed
(/etc/wazo/tls/, made at the host's first boot): clients and nginx verify it against the host's
trust store. config.yml's rest_api may name other files (certificate, private_key).

Called as root, before the daemon drops its privileges: the host's key stays root:root 0600,
neither copied nor opened to the service's group; the context keeps it in memory. A renewed
certificate is read at the next restart.
"""

import ssl

CERTIFICATE = '/etc/wazo/tls/server.crt'
PRIVATE_KEY = '/etc/wazo/tls/server.key'


def server_context(config):
    rest = config['rest_api']
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(rest.get('certificate', CERTIFICATE), rest.get('private_key', PRIVATE_KEY))
    return context
