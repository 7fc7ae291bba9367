"""The UDP echo ports the daemon serves, as (address, port) pairs: none for wazo-foo.

A file of its own so that a shape (examples/shapes/udp-ipv6) or a variant of it changes only this.
"""

LISTEN = []
