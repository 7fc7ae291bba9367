# Fault: a user that does not exist, so dropping privileges fails and the daemon exits 1.
SERVICE_USER = 'wazo-foo-absent'
DROP_PRIVILEGES = True
