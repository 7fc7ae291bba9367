"""Where the REST API listens unless config.yml's rest_api says otherwise."""

LISTEN = '127.0.0.1'
PORT = 9590
