"""What every wazo-foo-shaped daemon does the same way: its version, command line,
logging to stderr, stop signals, configuration and PID file."""

import argparse
import logging
import os
import pwd
import signal
import sys
import threading

from .config import DEFAULT_CONFIG_FILE, load_config
from .version import __version__

NAME = 'wazo-foo'

logger = logging.getLogger(NAME)


def version():
    return '0.0.0' if __version__.startswith('@') else __version__


def parse_args(argv, description):
    parser = argparse.ArgumentParser(prog=NAME, description=description)
    parser.add_argument('-c', '--config-file', default=DEFAULT_CONFIG_FILE)
    parser.add_argument('-d', '--debug', action='store_true', help='log at debug level')
    parser.add_argument('--debug-port', type=int, help='also listen on this TCP port of 127.0.0.1, for a debugger (off by default)')
    parser.add_argument('--version', action='version', version=version())
    return parser.parse_args(argv)


def log_to_stderr(log_format):
    """Logging at info level to stderr (the journal under systemd); returns the root logger."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter(log_format))
    root.addHandler(stderr)
    return root


def stop_event_on_signals():
    """An event set by SIGTERM or SIGINT: the main loop waits on it."""
    stopping = threading.Event()

    def on_signal(signum, frame):
        logger.info('received signal %d, stopping', signum)
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    return stopping


def read_config(args):
    """The configuration with the log level it sets, or None (logged) when it is invalid."""
    try:
        config = load_config(args.config_file)
    except Exception as e:  # OSError, ValueError, yaml.YAMLError
        logger.error('invalid configuration: %s', e)
        return None
    if args.debug or config.get('debug'):
        logging.getLogger().setLevel(logging.DEBUG)
    else:
        logging.getLogger().setLevel(str(config.get('log_level', 'info')).upper())
    return config


def write_pid_file(path, owner=None):
    """Writes the PID file; a daemon still root hands it to `owner` (the service user, who owns
    the PID directory). A failure is logged, never fatal."""
    try:
        with open(path, 'w', encoding='ascii') as f:
            f.write('{}\n'.format(os.getpid()))
    except OSError as e:
        logger.warning('cannot write pid file %s as uid %d: %s', path, os.geteuid(), e)
        return False
    if owner and os.geteuid() == 0:
        try:
            pw = pwd.getpwnam(owner)
            os.chown(path, pw.pw_uid, pw.pw_gid)
        except (KeyError, OSError) as e:
            logger.warning('cannot chown pid file %s: %s', path, e)
    logger.info('wrote pid file %s', path)
    return True


def remove_pid_file(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as e:
        logger.warning('cannot remove pid file %s: %s', path, e)


def serve_until(servers, name, stopping):
    """Runs each socketserver of `servers` in a thread of its own until `stopping` is set, then
    closes them; returns them."""
    for server in servers:
        threading.Thread(target=server.serve_forever, name='{}-{}'.format(name, server.server_address[1]), daemon=True).start()

    def stop():
        stopping.wait()
        for server in servers:
            server.shutdown()
            server.server_close()

    if servers:
        threading.Thread(target=stop, name='{}-stop'.format(name), daemon=True).start()
    return servers
