        # conf.d/ belongs to the administrator: the package ships it empty and never writes in it
        install -d -m 0755 /etc/wazo-foo/conf.d
        # broken: User= in a runtime drop-in (/run), which the next boot no longer has: after a
        # reboot the daemon runs as root
        install -d -m 0755 /run/systemd/system/wazo-foo.service.d
        printf '[Service]\nUser=wazo-foo\nExecStartPre=\nExecStartPre=+/usr/bin/install -d -o wazo-foo -g wazo-foo /run/wazo-foo\n' \
            > /run/systemd/system/wazo-foo.service.d/user.conf
