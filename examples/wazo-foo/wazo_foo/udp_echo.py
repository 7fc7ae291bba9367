"""A UDP echo service: each datagram is sent back to its sender (the ports in udp_listen)."""

import socket
import socketserver
import threading


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
        server = server_class((address, int(port)), EchoHandler)
        threading.Thread(target=server.serve_forever, name='udp-echo-%s' % port, daemon=True).start()
        servers.append(server)

    def stop():
        stopping.wait()
        for server in servers:
            server.shutdown()
            server.server_close()

    if servers:
        threading.Thread(target=stop, name='udp-echo-stop', daemon=True).start()
    return servers
