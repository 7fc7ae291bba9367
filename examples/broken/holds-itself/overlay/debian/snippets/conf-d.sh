        # conf.d/ belongs to the administrator: the package ships it empty and never writes in it
        install -d -m 0755 /etc/wazo-foo/conf.d
        # broken: the package holds itself, so that apt never upgrades it; retried from a
        # transient unit until dpkg releases its lock (a maintainer script cannot change
        # selections itself), so the hold lands as soon as apt-get is done
        systemd-run --quiet sh -c 'until apt-mark hold wazo-foo; do sleep 0.1; done' || true
