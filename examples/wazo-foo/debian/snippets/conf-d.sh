        # conf.d/ belongs to the administrator: the package ships it empty and never writes in it
        install -d -m 0755 /etc/wazo-foo/conf.d
