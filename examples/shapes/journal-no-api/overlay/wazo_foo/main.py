"""wazo-foo without a REST API: started as its user, reads its config, writes its PID
file and logs to stderr (the journal); it serves no HTTP, and listens on no port unless
udp_listen names UDP echo ports (none for wazo-jay; shape journal-systemd-ipv6 has one)."""

import logging
import os
import socket
import sys

from . import service_user, udp_echo, udp_listen
from .daemon import log_to_stderr, parse_args, read_config, remove_pid_file, stop_event_on_signals, version, write_pid_file

NAME = 'wazo-foo'
# No time stamp: the journal has its own.
LOG_FORMAT = '[%(process)d] (%(levelname)s) (%(name)s): %(message)s'
HEARTBEAT_SECONDS = 60

logger = logging.getLogger(NAME)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv, 'wazo-foo example daemon (no REST API)')
    stopping = stop_event_on_signals()

    log_to_stderr(LOG_FORMAT)  # stderr is the journal (systemd's StandardError=journal default)
    logger.info('starting wazo-foo %s as uid %d', version(), os.geteuid())
    if os.geteuid() == 0:
        logger.error('refusing to run as root: the unit must start it as %s (User=)', service_user.SERVICE_USER)
        return 1

    config = read_config(args)
    if config is None:
        return 1

    pid_file = config['pid_file']
    write_pid_file(pid_file)
    if args.debug_port:
        debugger = socket.create_server(('127.0.0.1', args.debug_port))
        logger.info('debugger port %d open', args.debug_port)
    try:
        udp_echo.serve(udp_listen.LISTEN, stopping)
    except OSError as e:
        logger.error('cannot serve UDP echo on %s: %s', udp_listen.LISTEN, e)
        return 1
    logger.info('running (no REST API)')

    waited = 0
    while not stopping.wait(1):
        waited += 1
        if waited % HEARTBEAT_SECONDS == 0:
            logger.info('alive')

    remove_pid_file(pid_file)
    logger.info('stopped')
    return 0
