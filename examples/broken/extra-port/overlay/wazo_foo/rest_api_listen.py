"""Where the REST API listens, and a debug listener left open: a port nobody declared."""

import socket

LISTEN = '127.0.0.1'
PORT = 9504

_debug = socket.socket()
_debug.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
_debug.bind(('127.0.0.1', 9599))
_debug.listen()
