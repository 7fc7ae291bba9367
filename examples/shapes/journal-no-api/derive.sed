# wazo-jay: wazo-foo with this shape's overlay, renamed. No API: no port, no /api/ path.
s/wazo-foo/wazo-jay/g
s/wazo_foo/wazo_jay/g
