"""wazo-foo without a REST API: started as its user, reads its config, writes its PID
file and logs to stderr (the journal); it serves no HTTP and listens on no port."""

import argparse
import logging
import os
import signal
import sys
import threading

from . import service_user
from .config import DEFAULT_CONFIG_FILE, load_config
from .version import __version__

NAME = 'wazo-foo'
# No time stamp: the journal has its own.
LOG_FORMAT = '[%(process)d] (%(levelname)s) (%(name)s): %(message)s'
HEARTBEAT_SECONDS = 60

logger = logging.getLogger(NAME)


def version():
    return '0.0.0' if __version__.startswith('@') else __version__


def setup_journal_logging():
    """stderr is the journal (systemd's StandardError=journal default)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(stderr)


def write_pid_file(path):
    try:
        with open(path, 'w', encoding='ascii') as f:
            f.write('{}\n'.format(os.getpid()))
    except OSError as e:
        logger.warning('cannot write pid file %s as uid %d: %s', path, os.geteuid(), e)
        return False
    logger.info('wrote pid file %s', path)
    return True


def remove_pid_file(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as e:
        logger.warning('cannot remove pid file %s: %s', path, e)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog=NAME, description='wazo-foo example daemon (no REST API)')
    parser.add_argument('-c', '--config-file', default=DEFAULT_CONFIG_FILE)
    parser.add_argument('-d', '--debug', action='store_true', help='log at debug level')
    parser.add_argument('--version', action='version', version=version())
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    stopping = threading.Event()

    def on_signal(signum, frame):
        logger.info('received signal %d, stopping', signum)
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    setup_journal_logging()
    logger.info('starting wazo-foo %s as uid %d', version(), os.geteuid())
    if os.geteuid() == 0:
        logger.error('refusing to run as root: the unit must start it as %s (User=)', service_user.SERVICE_USER)
        return 1

    try:
        config = load_config(args.config_file)
    except Exception as e:  # OSError, ValueError, yaml.YAMLError
        logger.error('invalid configuration: %s', e)
        return 1
    if args.debug or config.get('debug'):
        logging.getLogger().setLevel(logging.DEBUG)
    else:
        logging.getLogger().setLevel(str(config.get('log_level', 'info')).upper())

    pid_file = config['pid_file']
    write_pid_file(pid_file)
    logger.info('running (no REST API)')

    waited = 0
    while not stopping.wait(1):
        waited += 1
        if waited % HEARTBEAT_SECONDS == 0:
            logger.info('alive')

    remove_pid_file(pid_file)
    logger.info('stopped')
    return 0
