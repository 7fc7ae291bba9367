# When the daemon talks to consul: a file of its own so that a broken example
# (examples/broken/) can replace it with one small file.
REGISTER_AT_START = True
DEREGISTER_AT_STOP = True
