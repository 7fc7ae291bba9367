"""Where the REST API listens unless config.yml's rest_api says otherwise."""

LISTEN = '0.0.0.0'
PORT = 9504
