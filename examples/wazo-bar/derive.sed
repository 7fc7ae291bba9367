# wazo-bar: wazo-foo renamed, on the next port, under /api/bar/ (a second example service).
s/wazo-foo/wazo-bar/g
s/wazo_foo/wazo_bar/g
s/9504/9505/g
s#/api/foo#/api/bar#g
