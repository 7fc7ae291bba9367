"""A UDP echo service: each datagram is sent back to its sender (the ports in udp_listen)."""

import socket
import socketserver

from .daemon import serve_until


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data, self.client_address)


def serve(listen, stopping):
    """Serves every (address, port) of `listen` in a thread until `stopping` is set."""
    servers = []
    for address, port in listen:
        # An IPv6 address (::, ::1) needs an IPv6 socket; :: also takes IPv4 (bindv6only=0).
        family = socket.AF_INET6 if ':' in address else socket.AF_INET
        server_class = type('EchoServer', (socketserver.ThreadingUDPServer,), {'address_family': family, 'daemon_threads': True})
        servers.append(server_class((address, int(port)), EchoHandler))
    return serve_until(servers, 'udp-echo', stopping)
