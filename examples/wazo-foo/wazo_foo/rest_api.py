"""The REST API: plain HTTP on 127.0.0.1:9504 (HTTPS when rest_api_tls gives a context),
reached through nginx at https://HOST/api/foo/ (nginx strips the /api/foo prefix and sends
X-Script-Name: /api/foo, which this API does not need: it builds no URLs)."""

import datetime
import json
import logging
import os
import socket
import ssl
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import api_spec, auth, routes, systemd_socket
from .config import redacted

logger = logging.getLogger(__name__)

API_VERSION = '1.0'
API_SPEC_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'api.yml')


def _version_tuple(version):
    try:
        return tuple(int(p) for p in version.split('.'))
    except ValueError:
        return (0,)


class App:
    def __init__(self, config, version, registration=None):
        self.config = config
        self.version = version
        self.registration = registration

    def status(self):
        result = {'version': self.version, 'rest_api': {'status': 'ok'}}
        if _version_tuple(self.version) >= (1, 1):
            # New in 1.1.0: the service discovery state.
            if self.registration is None:
                result['service_discovery'] = {'status': 'disabled'}
            else:
                result['service_discovery'] = {
                    'status': self.registration.status,
                    'service_id': self.registration.service_id,
                }
        return result


class Handler(BaseHTTPRequestHandler):
    server_version = 'wazo-foo'
    app = None  # set by make_server

    ROUTES = {'/{}/{}'.format(API_VERSION, name): (name, needs_token) for name, needs_token in routes.ROUTES.items()}
    if api_spec.ROUTE:
        ROUTES['/{}/{}'.format(API_VERSION, api_spec.ROUTE)] = ('api_spec', False)

    def log_message(self, fmt, *args):
        logger.info('%s - %s', self.address_string(), fmt % args)

    def handle(self):
        try:
            super().handle()
        except ssl.SSLError as e:
            # Over HTTPS, a client that fails the handshake (plain HTTP, a CA it does not
            # trust): one line, not a traceback.
            logger.warning('%s - TLS handshake failed: %s', self.address_string(), e)

    def _send(self, code, body, content_type='application/json', headers=None, head=False):
        if not isinstance(body, bytes):
            body = (json.dumps(body, indent=2) + '\n').encode('utf-8')
        self.send_response(code)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _error(self, code, error_id, message, headers=None, head=False):
        body = {
            'error_id': error_id,
            'message': message,
            'resource': self.path.split('?', 1)[0],
            'details': {},
            'timestamp': datetime.datetime.now(datetime.timezone.utc).timestamp(),
        }
        self._send(code, body, headers=headers, head=head)

    def _handle(self, method):
        head = method == 'HEAD'
        path = self.path.split('?', 1)[0]
        route = self.ROUTES.get(path)
        if route is None:
            return self._error(404, 'not-found', 'Not found', head=head)
        if method not in ('GET', 'HEAD'):
            return self._error(405, 'method-not-allowed', 'Method not allowed',
                               headers={'Allow': 'GET, HEAD'}, head=head)
        name, needs_token = route
        if needs_token and not auth.authorized(self.headers):
            return self._error(401, 'unauthorized', 'Unauthorized: missing X-Auth-Token header', head=head)
        if name == 'api_spec':
            with open(API_SPEC_FILE, 'rb') as f:
                return self._send(200, f.read(), content_type='application/x-yaml', head=head)
        if name == 'status':
            return self._send(200, self.app.status(), head=head)
        if name == 'config':
            return self._send(200, redacted(self.app.config), head=head)

    def do_GET(self):
        self._handle('GET')

    def do_HEAD(self):
        self._handle('HEAD')

    def do_POST(self):
        self._handle('POST')

    def do_PUT(self):
        self._handle('PUT')

    def do_DELETE(self):
        self._handle('DELETE')

    def do_PATCH(self):
        self._handle('PATCH')


class ThreadingHTTPServer6(ThreadingHTTPServer):
    # http.server's classes open IPv4 sockets: an IPv6 address (::1, ::) needs its own family.
    address_family = socket.AF_INET6


def bind(handler, listen, port, inherited=None):
    """A threading HTTP server of `handler` on listen:port, IPv4 or IPv6, or on `inherited`,
    the socket systemd passed (a socket-activated unit)."""
    if inherited is None:
        server_class = ThreadingHTTPServer6 if ':' in listen else ThreadingHTTPServer
        server = server_class((listen, int(port)), handler)
    else:
        # systemd bound and listens already (its .socket's ListenStream=): serve on that socket.
        server_class = ThreadingHTTPServer6 if inherited.family == socket.AF_INET6 else ThreadingHTTPServer
        server = server_class(inherited.getsockname()[:2], handler, bind_and_activate=False)
        server.socket.close()
        server.socket = inherited
    server.daemon_threads = True
    return server


def make_server(app, listen, port, tls=None):
    """The REST API's server; HTTPS when `tls` (an ssl.SSLContext, rest_api_tls) is given."""
    # Only the REST API takes the socket systemd passes: it is the one its .socket listens on.
    server = bind(type('BoundHandler', (Handler,), {'app': app}), listen, port, systemd_socket.inherited_socket())
    if tls is not None:
        # The handshake happens at the request's first read, in its own thread: a client that
        # stalls or fails it never holds up the accepting loop.
        server.socket = tls.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    return server
