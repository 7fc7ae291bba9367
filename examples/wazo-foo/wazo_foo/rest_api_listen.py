"""Where the REST API listens unless config.yml's rest_api says otherwise.

A file of its own so that a broken example (examples/broken/) changes only this.
"""

LISTEN = '127.0.0.1'
PORT = 9504
