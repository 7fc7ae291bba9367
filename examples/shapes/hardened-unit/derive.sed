# wazo-hardy: wazo-foo with this shape's overlay, renamed, on port 9507, under /api/hardy.
s/wazo-foo/wazo-hardy/g
s/wazo_foo/wazo_hardy/g
s/9504/9507/g
s#/api/foo#/api/hardy#g
