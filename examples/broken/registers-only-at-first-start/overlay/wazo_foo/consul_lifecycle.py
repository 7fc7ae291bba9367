# When the daemon talks to consul: a file of its own so that a broken example
# (examples/broken/) can replace it with one small file.
import os

# BROKEN: the daemon announces itself only the first time it starts on a boot (a marker in
# the tmpfs /dev/shm); started again after a stop, it serves but never registers.
_MARKER = '/dev/shm/wazo-foo-registered-once'
REGISTER_AT_START = not os.path.exists(_MARKER)
if REGISTER_AT_START:
    open(_MARKER, 'w').close()
DEREGISTER_AT_STOP = True
