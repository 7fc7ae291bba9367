# wazo-phoned: wazo-foo with this shape's overlay, renamed after the real Wazo daemon whose ports
# it takes from the guidelines' flow table: its REST API in HTTPS on 9499 and a plain-HTTP
# provisioning port 9498, both on 0.0.0.0, under /api/phoned/.
s/wazo-foo/wazo-phoned/g
s/wazo_foo/wazo_phoned/g
s/9504/9499/g
s#/api/foo#/api/phoned#g
# the OpenAPI document says the scheme and name it is served with
s/^  - http$/  - https/
s/^x-xivo-name: foo$/x-xivo-name: phoned/
# config.yml says where the certificate comes from
/^# rest_api: {listen: /a\
# over HTTPS with the host's certificate, read as root at start (restart after renewing it):\
# rest_api: {certificate: /etc/wazo/tls/server.crt, private_key: /etc/wazo/tls/server.key}
