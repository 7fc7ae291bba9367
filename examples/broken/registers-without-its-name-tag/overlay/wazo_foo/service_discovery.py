"""Consul registration, the way Wazo daemons do it (stdlib urllib only)."""

import json
import logging
import ssl
import threading
import urllib.error
import urllib.request
import uuid

from . import consul_lifecycle

logger = logging.getLogger(__name__)


class ConsulClient:
    def __init__(self, scheme='http', host='localhost', port=8500, token=None, verify=True, timeout=5):
        self.base_url = '{}://{}:{}'.format(scheme, host, port)
        self.token = token
        self.timeout = timeout
        self.context = None
        if scheme == 'https':
            if verify is False:
                self.context = ssl._create_unverified_context()
            elif isinstance(verify, str):
                self.context = ssl.create_default_context(cafile=verify)
            else:
                self.context = ssl.create_default_context()

    def put(self, path, body=None):
        data = json.dumps(body).encode('utf-8') if body is not None else b''
        headers = {'Content-Type': 'application/json'}
        if self.token:
            headers['X-Consul-Token'] = self.token
        request = urllib.request.Request(self.base_url + path, data=data, headers=headers, method='PUT')
        with urllib.request.urlopen(request, timeout=self.timeout, context=self.context) as response:
            return response.status


class ServiceRegistration(threading.Thread):
    """Registers the service at start (fresh uuid4 ID), passes its TTL check every
    refresh_interval, retries every retry_interval while consul is unreachable,
    and deregisters on stop()."""

    def __init__(self, name, host_uuid, consul_config, sd_config):
        super().__init__(name='service-discovery', daemon=True)
        self.service_name = name
        self.service_id = str(uuid.uuid4())
        self.check_id = 'service:{}'.format(self.service_id)
        self.host_uuid = host_uuid
        self.client = ConsulClient(
            scheme=consul_config.get('scheme', 'http'),
            host=consul_config.get('host', 'localhost'),
            port=consul_config.get('port', 8500),
            token=consul_config.get('token'),
            verify=consul_config.get('verify', True),
        )
        self.advertise_address = sd_config.get('advertise_address', '127.0.0.1')
        self.advertise_port = int(sd_config.get('advertise_port', 9504))
        self.ttl_interval = int(sd_config.get('ttl_interval', 30))
        self.refresh_interval = float(sd_config.get('refresh_interval', 27))
        self.retry_interval = float(sd_config.get('retry_interval', 2))
        self.extra_tags = list(sd_config.get('extra_tags') or [])
        self.registered = False
        self.status = 'registering'
        self._stopping = threading.Event()
        self._lock = threading.Lock()

    def _tags(self):
        tags = []  # broken: consul's catalog lists the service without its own name as a tag
        if self.host_uuid:
            tags.append(self.host_uuid)
        return tags + self.extra_tags

    def _register(self):
        body = {
            'ID': self.service_id,
            'Name': self.service_name,
            'Address': self.advertise_address,
            'Port': self.advertise_port,
            'Tags': self._tags(),
            'Check': {'TTL': '{}s'.format(self.ttl_interval)},
        }
        self.client.put('/v1/agent/service/register', body)
        self.client.put('/v1/agent/check/pass/{}'.format(self.check_id))

    def _pass(self):
        self.client.put('/v1/agent/check/pass/{}'.format(self.check_id))

    def run(self):
        if not consul_lifecycle.REGISTER_AT_START:
            logger.info('not registering %s in consul', self.service_name)
            return
        attempt = 0
        while not self._stopping.is_set():
            with self._lock:
                if self._stopping.is_set():
                    break
                try:
                    if self.registered:
                        self._pass()
                    else:
                        attempt += 1
                        self._register()
                        self.registered = True
                        logger.info(
                            'registered %s in consul (id %s, %s:%s, tags %s)',
                            self.service_name, self.service_id,
                            self.advertise_address, self.advertise_port, self._tags(),
                        )
                    self.status = 'ok'
                except (urllib.error.URLError, OSError, ValueError) as e:
                    if self.registered:
                        logger.warning('consul TTL check update failed (%s): registering again', e)
                        self.registered = False
                    else:
                        # Log the first failure and then about once a minute.
                        level = logging.WARNING if attempt == 1 or attempt % 30 == 0 else logging.DEBUG
                        logger.log(
                            level,
                            'consul registration failed (attempt %d, %s): retrying every %ss',
                            attempt, e, self.retry_interval,
                        )
                    self.status = 'fail'
            self._stopping.wait(self.refresh_interval if self.registered else self.retry_interval)

    def stop(self):
        self._stopping.set()
        with self._lock:
            if not self.registered or not consul_lifecycle.DEREGISTER_AT_STOP:
                return
            try:
                self.client.timeout = 2
                self.client.put('/v1/agent/service/deregister/{}'.format(self.service_id))
                logger.info('deregistered %s from consul (id %s)', self.service_name, self.service_id)
            except (urllib.error.URLError, OSError) as e:
                logger.warning('consul deregistration failed: %s', e)
            self.registered = False
            self.status = 'deregistered'
