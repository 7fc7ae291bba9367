"""Where the REST API listens unless config.yml's rest_api says otherwise: the IPv6 loopback.

A file of its own so that a broken example (examples/broken/) changes only this.
"""

LISTEN = '::1'
PORT = 9504
