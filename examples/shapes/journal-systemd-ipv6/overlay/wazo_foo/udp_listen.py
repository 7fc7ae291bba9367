"""The UDP echo ports: one on every address, IPv6 and IPv4 alike (:: takes both, bindv6only=0).

A file of its own so that a variant of this shape changes only this.
"""

LISTEN = [('::', 9511)]
