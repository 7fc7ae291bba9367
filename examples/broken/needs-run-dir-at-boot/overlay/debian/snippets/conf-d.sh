        # conf.d/ belongs to the administrator: the package ships it empty and never writes in it
        install -d -m 0755 /etc/wazo-foo/conf.d
        install -d -o wazo-foo -g wazo-foo /run/wazo-foo
