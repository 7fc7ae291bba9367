"""wazo-foo: starts as root, reads its config (and TLS key), drops to its user, serves HTTP."""

import logging
import os
import pwd
import sys
import threading

import ssl

from . import provisioning, provisioning_listen, rest_api_tls, service_user, udp_echo, udp_listen
from .daemon import log_to_stderr, parse_args, read_config, remove_pid_file, stop_event_on_signals, version, write_pid_file
from .rest_api import App, make_server
from .service_discovery import ServiceRegistration

NAME = 'wazo-foo'
LOG_FORMAT = '%(asctime)s [%(process)d] (%(levelname)s) (%(name)s): %(message)s'
HOST_UUID_FILE = '/etc/machine-id'

logger = logging.getLogger(NAME)


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
    root = log_to_stderr(LOG_FORMAT)
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


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv, 'wazo-foo example daemon')
    stopping = stop_event_on_signals()

    buffer = setup_stderr_logging()
    logger.info('starting wazo-foo %s', version())

    # As root: the config, the host's consul config (root:consul 0640), the host uuid, the
    # REST API's TLS certificate and key (when it serves HTTPS).
    config = read_config(args)
    if config is None:
        return 1
    host_uuid = read_host_uuid()
    try:
        tls = rest_api_tls.server_context(config)
    except (OSError, ssl.SSLError, ValueError) as e:
        logger.error('cannot load the REST API TLS certificate and key: %s', e)
        return 1

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
    write_pid_file(pid_file, owner=service_user.SERVICE_USER)

    rest = config['rest_api']
    try:
        server = make_server(None, rest['listen'], rest['port'], tls)
    except OSError as e:
        logger.error('cannot listen on %s:%s: %s', rest['listen'], rest['port'], e)
        remove_pid_file(pid_file)
        return 1

    try:
        udp_echo.serve(udp_listen.LISTEN, stopping)
        provisioning.serve(provisioning_listen.LISTEN, stopping)
    except OSError as e:
        logger.error('cannot serve UDP echo on %s or provisioning on %s: %s', udp_listen.LISTEN, provisioning_listen.LISTEN, e)
        server.server_close()
        remove_pid_file(pid_file)
        return 1

    registration = None
    sd = config.get('service_discovery') or {}
    if sd.get('enabled', True):
        registration = ServiceRegistration(NAME, host_uuid, config.get('consul') or {}, sd)
    server.RequestHandlerClass.app = App(config, version(), registration)

    server_thread = threading.Thread(target=server.serve_forever, name='rest-api', daemon=True)
    server_thread.start()
    logger.info('REST API listening on %s://%s:%s/%s', 'https' if tls else 'http', rest['listen'], rest['port'], '1.0')
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
