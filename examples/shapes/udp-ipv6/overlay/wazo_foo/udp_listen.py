"""The UDP echo ports the daemon serves, as (address, port) pairs: one on every address, IPv6
and IPv4 (:: with bindv6only=0, Debian's default).

A file of its own so that a broken variant of this shape changes only this.
"""

LISTEN = [('::', 9509)]
