        # conf.d/ belongs to the administrator: the package ships it empty and never writes in it
        install -d -m 0755 /etc/wazo-foo/conf.d
        # broken: a migration of the previous version's data, run on upgrades only, that fails
        if [ -n "$2" ]; then
            mv /var/lib/wazo-foo/1.0-state.json /var/lib/wazo-foo/state.json
        fi
