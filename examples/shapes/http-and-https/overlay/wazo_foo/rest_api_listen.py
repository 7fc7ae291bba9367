"""Where the REST API listens unless config.yml's rest_api says otherwise: every IPv4
address, as the guidelines' flow table gives wazo-phoned's HTTPS port (phones reach it).

A file of its own so that a broken example (examples/broken/) changes only this.
"""

LISTEN = '0.0.0.0'
PORT = 9504
