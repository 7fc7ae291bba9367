# wazo-phony: wazo-foo with this shape's overlay, renamed, its REST API in HTTPS on 9510
# (127.0.0.1) and a plain-HTTP provisioning port 9511 (0.0.0.0), under /api/phony/.
s/wazo-foo/wazo-phony/g
s/wazo_foo/wazo_phony/g
s/9504/9510/g
s#/api/foo#/api/phony#g
# the OpenAPI document says the scheme and name it is served with
s/^  - http$/  - https/
s/^x-xivo-name: foo$/x-xivo-name: phony/
# config.yml says where the certificate comes from
/^# rest_api: {listen: /a\
# over HTTPS with the host's certificate, read as root at start (restart after renewing it):\
# rest_api: {certificate: /etc/wazo/tls/server.crt, private_key: /etc/wazo/tls/server.key}
