"""wazo-foo: starts as root, reads its config, drops to its user, serves HTTP."""

import argparse
import logging
import os
import pwd
import signal
import sys
import threading

from . import service_user
from .config import DEFAULT_CONFIG_FILE, load_config
from .rest_api import App, make_server
from .service_discovery import ServiceRegistration
from .version import __version__

NAME = 'wazo-foo'
LOG_FORMAT = '%(asctime)s [%(process)d] (%(levelname)s) (%(name)s): %(message)s'
HOST_UUID_FILE = '/etc/machine-id'

logger = logging.getLogger(NAME)


def version():
    return '0.0.0' if __version__.startswith('@') else __version__


class BufferHandler(logging.Handler):
    """Keeps the records logged before the log file can be opened (as the
    service user), to replay them into it."""

    def __init__(self, capacity=1000):
        super().__init__()
        self.records = []
        self.capacity = capacity

    def emit(self, record):
        if len(self.records) < self.capacity:
            self.records.append(record)


def setup_stderr_logging():
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(stderr)
    buffer = BufferHandler()
    root.addHandler(buffer)
    return buffer


def setup_file_logging(path, buffer):
    root = logging.getLogger()
    root.removeHandler(buffer)
    try:
        handler = logging.FileHandler(path, mode='a', encoding='utf-8')
    except OSError as e:
        logger.warning(
            'cannot open log file %s for writing as uid %d (%s): logging to stderr only',
            path, os.geteuid(), e,
        )
        return False
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    for record in buffer.records:
        handler.handle(record)
    root.addHandler(handler)
    return True


def read_host_uuid(path=HOST_UUID_FILE):
    try:
        with open(path, encoding='ascii') as f:
            return f.read().strip() or None
    except OSError as e:
        logger.warning('cannot read host uuid from %s: %s', path, e)
        return None


def drop_privileges(user):
    pw = pwd.getpwnam(user)
    os.setgid(pw.pw_gid)
    os.initgroups(user, pw.pw_gid)
    os.setuid(pw.pw_uid)
    os.environ.update(HOME=pw.pw_dir, USER=user, LOGNAME=user)
    logger.info('dropped privileges to %s (uid %d, gid %d)', user, pw.pw_uid, pw.pw_gid)


def write_pid_file(path):
    try:
        with open(path, 'w', encoding='ascii') as f:
            f.write('{}\n'.format(os.getpid()))
    except OSError as e:
        logger.warning('cannot write pid file %s as uid %d: %s', path, os.geteuid(), e)
        return False
    if os.geteuid() == 0:
        # Still root (privileges not dropped): hand the pid file to the
        # service user anyway, it owns the pid directory and file.
        try:
            pw = pwd.getpwnam(service_user.SERVICE_USER)
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


def parse_args(argv):
    parser = argparse.ArgumentParser(prog=NAME, description='wazo-foo example daemon')
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

    buffer = setup_stderr_logging()
    logger.info('starting wazo-foo %s', version())

    # As root: the config, the host's consul config (root:consul 0640), the host uuid.
    try:
        config = load_config(args.config_file)
    except Exception as e:  # OSError, ValueError, yaml.YAMLError
        logger.error('invalid configuration: %s', e)
        return 1
    if args.debug or config.get('debug'):
        logging.getLogger().setLevel(logging.DEBUG)
    else:
        logging.getLogger().setLevel(str(config.get('log_level', 'info')).upper())
    host_uuid = read_host_uuid()

    if service_user.DROP_PRIVILEGES and os.geteuid() == 0:
        try:
            drop_privileges(service_user.SERVICE_USER)
        except (KeyError, OSError) as e:
            logger.error('cannot drop privileges to %s: %s', service_user.SERVICE_USER, e)
            return 1
    else:
        logger.info('keeping uid %d (not dropping privileges)', os.geteuid())

    # As the service user from here on.
    setup_file_logging(config['log_file'], buffer)
    pid_file = config['pid_file']
    write_pid_file(pid_file)

    rest = config['rest_api']
    try:
        server = make_server(None, rest['listen'], rest['port'])
    except OSError as e:
        logger.error('cannot listen on %s:%s: %s', rest['listen'], rest['port'], e)
        remove_pid_file(pid_file)
        return 1

    registration = None
    sd = config.get('service_discovery') or {}
    if sd.get('enabled', True):
        registration = ServiceRegistration(NAME, host_uuid, config.get('consul') or {}, sd)
    server.RequestHandlerClass.app = App(config, version(), registration)

    server_thread = threading.Thread(target=server.serve_forever, name='rest-api', daemon=True)
    server_thread.start()
    logger.info('REST API listening on http://%s:%s/%s', rest['listen'], rest['port'], '1.0')
    if registration:
        registration.start()
    else:
        logger.info('service discovery disabled')

    while not stopping.wait(1):
        pass

    if registration:
        registration.stop()
    server.shutdown()
    server.server_close()
    remove_pid_file(pid_file)
    logger.info('stopped')
    return 0
