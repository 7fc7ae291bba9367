# wazo-sock: wazo-foo with this shape's overlay, renamed, on port 9510, under /api/sock/.
s/wazo-foo/wazo-sock/g
s/wazo_foo/wazo_sock/g
s/9504/9510/g
s#/api/foo#/api/sock#g
