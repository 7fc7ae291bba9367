# Broken: the daemon never registers in consul.
REGISTER_AT_START = False
DEREGISTER_AT_STOP = True
