        if [ ! -e /var/log/wazo-foo.log ]; then
            install -m 0644 -o wazo-foo -g wazo-foo /dev/null /var/log/wazo-foo.log
        fi
        # broken: on upgrades, starts a fresh log file, created as root: the daemon can no longer write it
        if [ -n "$2" ]; then
            mv /var/log/wazo-foo.log /var/log/wazo-foo.log.1
            install -m 0644 /dev/null /var/log/wazo-foo.log
        fi
