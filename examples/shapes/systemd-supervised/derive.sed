# wazo-qux: wazo-foo with this shape's overlay, renamed, on port 9506, under /api/qux/.
s/wazo-foo/wazo-qux/g
s/wazo_foo/wazo_qux/g
s/9504/9506/g
s#/api/foo#/api/qux#g
