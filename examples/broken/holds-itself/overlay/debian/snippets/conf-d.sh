        # conf.d/ belongs to the administrator: the package ships it empty and never writes in it
        install -d -m 0755 /etc/wazo-foo/conf.d
        # broken: the package holds itself, so that apt never upgrades it; deferred until dpkg
        # releases its lock (a maintainer script cannot change selections itself)
        systemd-run --quiet --on-active=1 --timer-property=AccuracySec=100ms \
            sh -c 'until apt-mark hold wazo-foo; do sleep 1; done' || true
