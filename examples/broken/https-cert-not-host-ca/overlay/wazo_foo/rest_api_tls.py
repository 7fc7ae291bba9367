"""BROKEN: the REST API serves HTTPS with a self-signed certificate it makes at start, for
localhost and 127.0.0.1, instead of the host's (signed by the host CA): nothing in the host's
trust store verifies it.

Called as root, before the daemon drops its privileges.
"""

import os
import ssl
import subprocess
import tempfile


def server_context(config):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as work:
        certificate, key = os.path.join(work, 'server.crt'), os.path.join(work, 'server.key')
        subprocess.run(
            ['openssl', 'req', '-x509', '-new', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
             '-days', '365', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
             '-keyout', key, '-out', certificate],
            check=True, capture_output=True,
        )
        context.load_cert_chain(certificate, key)
    return context
