# The daemon keeps the user systemd starts it as: the package sets User= in a drop-in.
SERVICE_USER = 'wazo-foo'
DROP_PRIVILEGES = False
