        # conf.d/ belongs to the administrator: the package ships it empty and never writes in it
        install -d -m 0755 /etc/wazo-foo/conf.d
        # BROKEN: a migration run on upgrades only ($2 is the old version) turns service
        # discovery off; a fresh install registers, an upgraded host no longer does
        if [ -n "$2" ]; then
            printf 'service_discovery:\n  enabled: false\n' > /etc/wazo-foo/conf.d/50-migrated.yml
        fi
