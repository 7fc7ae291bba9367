"""The plain-HTTP provisioning port: on every IPv4 address, since the phones it provisions
reach it over the network (GET /device/<id>, no token).

A file of its own so that a variant of this shape changes only this.
"""

LISTEN = [('0.0.0.0', 9498)]
