"""Configuration loading: defaults < host consul config < config.yml < conf.d/*.yml."""

import copy
import glob
import logging
import os

import yaml


logger = logging.getLogger(__name__)

DEFAULT_CONFIG_FILE = '/etc/wazo-foo/config.yml'
DEFAULT_CONSUL_CONFIG_FILE = '/etc/wazo/consul.yml'

DEFAULT_CONFIG = {
    'debug': False,
    'log_level': 'info',
    'pid_file': '/run/wazo-foo/wazo-foo.pid',
    'config_file': DEFAULT_CONFIG_FILE,
    'extra_config_files': '/etc/wazo-foo/conf.d/',
    'consul_config_file': DEFAULT_CONSUL_CONFIG_FILE,
    'consul': {
        'scheme': 'http',
        'host': 'localhost',
        'port': 8500,
        'token': None,
        'verify': True,
    },
}


def deep_merge(base, override):
    """Return a new dict: override merged into base, recursively (later wins)."""
    result = copy.deepcopy(base)
    for key, value in (override or {}).items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def _read_yaml(path):
    with open(path, encoding='utf-8') as f:
        content = yaml.safe_load(f)
    if content is None:
        return {}
    if not isinstance(content, dict):
        raise ValueError('{}: top level must be a mapping'.format(path))
    return content


def _read_service_files(config_file):
    """config.yml then its conf.d/*.yml, sorted by name."""
    merged = {}
    try:
        merged = _read_yaml(config_file)
        logger.info('read configuration file %s', config_file)
    except FileNotFoundError:
        logger.warning('configuration file %s not found, using defaults', config_file)
    extra_dir = merged.get('extra_config_files') or os.path.join(
        os.path.dirname(config_file), 'conf.d'
    )
    for path in sorted(glob.glob(os.path.join(extra_dir, '*.yml'))):
        merged = deep_merge(merged, _read_yaml(path))
        logger.info('read configuration file %s', path)
    return merged


def _read_consul_default(path):
    """The host's default consul client config. Must be read as root (it is
    readable only by root and the consul group): unreadable -> warning, no token."""
    try:
        content = _read_yaml(path)
    except FileNotFoundError:
        logger.info('no default consul config at %s', path)
        return {}
    except PermissionError as e:
        logger.warning(
            'cannot read default consul config %s (%s): continuing without a consul token',
            path,
            e,
        )
        return {}
    logger.info('read default consul config %s', path)
    consul = content.get('consul')
    return {'consul': consul} if isinstance(consul, dict) else {}


def load_config(config_file=DEFAULT_CONFIG_FILE):
    service_files = _read_service_files(config_file)
    consul_path = service_files.get('consul_config_file', DEFAULT_CONSUL_CONFIG_FILE)
    config = deep_merge(DEFAULT_CONFIG, _read_consul_default(consul_path))
    config = deep_merge(config, service_files)
    config['config_file'] = config_file
    return config
