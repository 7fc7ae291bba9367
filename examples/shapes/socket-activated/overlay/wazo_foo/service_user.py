# The unit starts the daemon as this user (User=), with its socket from systemd: it has no privileges to drop.
SERVICE_USER = 'wazo-foo'
DROP_PRIVILEGES = False
