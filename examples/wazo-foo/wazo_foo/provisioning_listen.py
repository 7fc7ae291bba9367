"""The plain-HTTP provisioning ports (phones fetch their configuration there, without a token),
as (address, port) pairs: none for wazo-foo.

A file of its own so that a shape (examples/shapes/http-and-https) or a variant of it changes only this.
"""

LISTEN = []
