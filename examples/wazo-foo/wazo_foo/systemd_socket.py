"""The listening socket systemd passes a socket-activated daemon (sd_listen_fds(3)).

systemd opens the .socket unit's ListenStream= and starts the service on the first
connection, with the socket as fd 3 and LISTEN_PID/LISTEN_FDS set. A daemon started
otherwise (wazo-foo's own unit) gets none and binds its address itself.
"""

import os
import socket

SD_LISTEN_FDS_START = 3


def inherited_socket():
    """The socket systemd handed this process, or None when it was not socket-activated."""
    if os.environ.get('LISTEN_PID') != str(os.getpid()) or int(os.environ.get('LISTEN_FDS', '0')) < 1:
        return None
    # Not for the daemon's children: the variables describe this process's fds only.
    for name in ('LISTEN_PID', 'LISTEN_FDS', 'LISTEN_FDNAMES'):
        os.environ.pop(name, None)
    return socket.socket(fileno=SD_LISTEN_FDS_START)
