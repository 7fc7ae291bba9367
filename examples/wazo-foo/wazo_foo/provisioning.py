"""The plain-HTTP provisioning endpoint (the ports in provisioning_listen): GET /device/<id>
answers the device's configuration, without a token, since a phone being provisioned has none."""

import logging
import re
from http.server import BaseHTTPRequestHandler

from .daemon import serve_until
from .rest_api import bind

logger = logging.getLogger(__name__)

DEVICE_PATH = re.compile(r'^/device/([A-Za-z0-9._-]+)$')


class ProvisioningHandler(BaseHTTPRequestHandler):
    server_version = 'wazo-foo'

    def log_message(self, fmt, *args):
        logger.info('%s - %s', self.address_string(), fmt % args)

    def _send(self, code, text):
        body = text.encode('utf-8')
        self.send_response(code)
        self.send_header('Content-Type', 'text/plain; charset=utf-8')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        match = DEVICE_PATH.match(self.path.split('?', 1)[0])
        if match is None:
            return self._send(404, 'not found\n')
        self._send(200, 'device: {}\nprovisioned_by: wazo-foo\n'.format(match.group(1)))


def serve(listen, stopping):
    """Serves every (address, port) of `listen` in a thread until `stopping` is set."""
    return serve_until([bind(ProvisioningHandler, address, port) for address, port in listen], 'provisioning', stopping)
