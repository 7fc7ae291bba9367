# Broken: the daemon does not deregister when it stops (a stale entry stays).
REGISTER_AT_START = True
DEREGISTER_AT_STOP = False
