"""The UDP echo ports the daemon serves, as (address, port) pairs.

Broken: besides its declared 9509, it echoes on 9599 too, which its manifest does not declare.
"""

LISTEN = [('::', 9509), ('::', 9599)]
