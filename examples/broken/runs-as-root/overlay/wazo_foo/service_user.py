# The daemon starts as root (the systemd unit has no User=), reads its
# configuration, then drops its privileges to this user.
SERVICE_USER = 'wazo-foo'
DROP_PRIVILEGES = False  # broken: the daemon keeps running as root
