# When the daemon talks to consul: a file of its own so that a broken example
# (examples/broken/) can replace it with one small file.
import os

REGISTER_AT_START = True
# BROKEN: only the first run on a boot deregisters at its stop (a marker in the tmpfs
# /dev/shm); every later run leaves its instance behind, so a restart doubles it.
_MARKER = '/dev/shm/wazo-foo-ran-once'
DEREGISTER_AT_STOP = not os.path.exists(_MARKER)
open(_MARKER, 'w').close()
