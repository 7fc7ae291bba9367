        # conf.d/ belongs to the administrator: the package ships it empty and never writes in it
        install -d -m 0755 /etc/wazo-foo/conf.d
        # broken: makes sure the service starts at boot with a drop-in on multi-user.target,
        # which `systemctl disable wazo-foo` (and wazo-service disable) never removes
        install -d -m 0755 /etc/systemd/system/multi-user.target.d
        printf '[Unit]\nWants=wazo-foo.service\n' > /etc/systemd/system/multi-user.target.d/wazo-foo.conf
