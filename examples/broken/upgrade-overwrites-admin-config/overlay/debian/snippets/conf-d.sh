        # broken: "resets" the configuration on every install and upgrade, wiping the administrator's files
        rm -rf /etc/wazo-foo/conf.d && install -d -m 0755 /etc/wazo-foo/conf.d
