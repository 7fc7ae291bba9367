        # conf.d/ belongs to the administrator: the package ships it empty and never writes in it
        install -d -m 0755 /etc/wazo-foo/conf.d
        # broken: a copy of the host's consul client config (with the master token) next to
        # the service's own; /etc/wazo-foo/ is backed up, so the token leaves the host
        install -m 0640 -g wazo-foo /etc/wazo/consul.yml /etc/wazo-foo/consul.yml
