# wazo-echo: wazo-foo with this shape's overlay, renamed, on port 9508 (TCP, ::1) and 9509 (UDP), under /api/echo/.
s/wazo-foo/wazo-echo/g
s/wazo_foo/wazo_echo/g
s/9504/9508/g
s#/api/foo#/api/echo#g
# consul is told the address the API listens on (config.yml), not wazo-foo's 127.0.0.1
s/^  advertise_address: 127\.0\.0\.1$/  advertise_address: "::1"/
s/^# rest_api: {listen: 127\.0\.0\.1,/# rest_api: {listen: "::1",/
